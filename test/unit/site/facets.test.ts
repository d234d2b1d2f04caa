import { describe, expect, it } from 'vitest';
import { facetTotals, recordFacets, recordYear } from '../../../scripts/lib/site/facets.ts';
import type { RecordMetadata } from '../../../scripts/lib/records/types.ts';

const base = { created: '2019-03-01', experiment: 'CMS' } as RecordMetadata;

describe('facets', () => {
  it('file a record under its main publication’s year, else the year it was created', () => {
    expect(recordYear({ ...base, publications: [{ title: 'x' }, { year: 2018 }] })).toBe('2018');
    expect(recordYear(base)).toBe('2019');
  });

  it('give each record its facet values, yes/no facets only when yes', () => {
    expect(
      recordFacets(
        {
          ...base,
          physics_themes: ['higgs', 'beyond-standard-model'],
          final_states: ['tau tau'],
          workflow: { engine: 'reana' },
        },
        'CMS analyses',
      ),
    ).toEqual({
      collection: ['CMS analyses'],
      experiment: ['CMS'],
      year: ['2019'],
      theme: ['Higgs', 'Beyond the Standard Model'],
      final_state: ['tau tau'],
      workflow: ['Has a workflow'],
      doi: [],
    });
  });

  it('count every facet value, years newest first, others most frequent first', () => {
    const totals = facetTotals([
      { metadata: { ...base, created: '2020-01-01' }, collectionTitle: 'CMS' },
      { metadata: { ...base, experiment: 'ATLAS' }, collectionTitle: 'ATLAS' },
      { metadata: { ...base, experiment: 'ATLAS', doi: '10.5281/x' }, collectionTitle: 'ATLAS' },
    ]);
    expect(totals.map((facet) => facet.name)).toEqual(['collection', 'experiment', 'year', 'doi']);
    expect(totals[1]?.values).toEqual([
      { value: 'ATLAS', count: 2 },
      { value: 'CMS', count: 1 },
    ]);
    expect(totals[2]?.values.map((value) => value.value)).toEqual(['2020', '2019']);
  });
});
