import { describe, expect, it } from 'vitest';
import {
  formSuggestions,
  suggestionPattern,
  suggestionsFor,
} from '../../../scripts/lib/form/suggestions.ts';

const records = [
  {
    id: 'cms/a',
    metadata: {
      experiment: 'CMS',
      keywords: ['Higgs boson', 'tau leptons'],
      people: [
        {
          given_name: 'Ada',
          family_name: 'Lovelace',
          orcid: '0000-0002-1825-0097',
          affiliations: [{ name: 'CERN', ror: '01ggx4157' }],
        },
        { given_name: 'Bob', family_name: 'Smith' },
      ],
      cms: { primary_datasets: [{ name: '/SingleMuon/Run2016B/MINIAOD' }] },
      related_records: ['cms/b'],
    },
  },
  {
    id: 'cms/b',
    metadata: {
      experiment: 'CMS',
      keywords: ['Higgs boson'],
      people: [{ given_name: 'Ada', family_name: 'Lovelace', affiliations: [{ name: 'CERN' }] }],
    },
  },
];

describe('suggestions from the records a build shows', () => {
  const suggestions = formSuggestions(records);

  it('lists the values used for a field, the most used first', () => {
    expect(suggestionsFor(suggestions, ['keywords', 3])).toEqual(['Higgs boson', 'tau leptons']);
    expect(suggestionsFor(suggestions, ['experiment'])).toEqual(['CMS']);
    expect(suggestionsFor(suggestions, ['cms', 'primary_datasets', 0, 'name'])).toEqual([
      '/SingleMuon/Run2016B/MINIAOD',
    ]);
    expect(suggestionPattern(suggestions, ['keywords', 0])).toBe('/keywords/*');
    expect(suggestionsFor(suggestions, ['title'])).toBeUndefined();
  });

  it('suggests related records among the records of the build only', () => {
    expect(suggestionsFor(suggestions, ['related_records', 0])).toEqual(['cms/a', 'cms/b']);
  });

  it('knows each person once, with their ORCID iD and affiliations', () => {
    expect(suggestions.people).toEqual([
      {
        given_name: 'Ada',
        family_name: 'Lovelace',
        orcid: '0000-0002-1825-0097',
        affiliations: [{ name: 'CERN', ror: '01ggx4157' }],
      },
      { given_name: 'Bob', family_name: 'Smith' },
    ]);
    expect(suggestions.affiliations).toEqual([{ name: 'CERN', ror: '01ggx4157' }]);
  });
});
