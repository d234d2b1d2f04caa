import { describe, expect, it } from 'vitest';
import {
  identifierToken,
  identifierTokens,
  queryIdentifierToken,
  recordIdentifiers,
  withoutIdentifierTokens,
} from '../../../scripts/lib/site/search-terms.ts';
import type { RecordMetadata } from '../../../scripts/lib/records/types.ts';

const metadata = {
  publications: [
    {
      doi: '10.1016/j.physletb.2018.02.004',
      arxiv: '1708.00373',
      inspire: '1631985',
      report_number: 'CMS-HIG-16-043',
    },
  ],
  datasets: [{ title: 'x', opendata_recid: '12360' }],
  cms: { cadi_id: 'HIG-16-043' },
} as unknown as RecordMetadata;

describe('identifier search', () => {
  it('turns the ways people write an identifier into the token the record is indexed under', () => {
    const tokens = identifierTokens(metadata);
    for (const query of [
      '10.1016/j.physletb.2018.02.004',
      'doi:10.1016/J.PHYSLETB.2018.02.004',
      'https://doi.org/10.1016/j.physletb.2018.02.004',
      '1708.00373',
      'arXiv:1708.00373v2',
      'https://arxiv.org/abs/1708.00373',
      'HIG-16-043',
      'CMS-HIG-16-043',
      '1631985',
    ])
      expect(tokens, query).toContain(queryIdentifierToken(query));
  });

  it('leaves ordinary words to the word search', () => {
    for (const query of ['higgs', 'top quark mass', '2016', 'H→ττ', 'Run2016B'])
      expect(queryIdentifierToken(query), query).toBeUndefined();
  });

  it('makes one token of letters and digits that no other identifier extends', () => {
    expect(identifierToken('10.1007/JHEP07(2016)242')).toBe('capsuleid101007jhep072016242z');
    expect(identifierToken('HIG-16-04')).not.toBe(identifierToken('HIG-16-043').slice(0, -1));
  });

  it('lists a record’s identifiers once each, with labels', () => {
    expect(
      recordIdentifiers(metadata).map((identifier) => `${identifier.label} ${identifier.value}`),
    ).toEqual([
      'DOI 10.1016/j.physletb.2018.02.004',
      'arXiv 1708.00373',
      'INSPIRE 1631985',
      'Report number CMS-HIG-16-043',
      'CERN Open Data record 12360',
      'CADI HIG-16-043',
    ]);
  });

  it('keeps the tokens out of excerpts people read', () => {
    expect(withoutIdentifierTokens('DOI capsuleid101007z and capsuleidhig16043z. Next')).toBe(
      'DOI and . Next',
    );
  });
});
