import { describe, expect, it } from 'vitest';
import { bibtex, escapeBibtex, textCitation } from '../../../scripts/lib/site/citation.ts';
import type { RecordMetadata } from '../../../scripts/lib/records/types.ts';

const metadata = {
  title: 'Search for {new} physics in 100% of events_with $ & #',
  version: '2',
  created: '2017-07-20',
  updated: '2018-03-15',
  people: [
    { given_name: 'Amara', family_name: 'Okafor' },
    { given_name: 'Henrik', family_name: 'Baumann' },
  ],
} as RecordMetadata;
const context = {
  id: 'cms/higgs-tautau-2016',
  url: 'https://a.org/records/cms/higgs-tautau-2016/',
  publisher: 'Capsule demo',
};

describe('citations', () => {
  it('escapes what TeX treats specially, so braces stay balanced', () => {
    expect(escapeBibtex('a{b}\\c_d%e$f#g&h~i^j')).toBe(
      'a\\{b\\}\\textbackslash{}c\\_d\\%e\\$f\\#g\\&h\\textasciitilde{}i\\textasciicircum{}j',
    );
  });

  it('writes a BibTeX @misc entry for the record', () => {
    const entry = bibtex(metadata, context);
    expect(entry.startsWith('@misc{Okafor2018higgstautau2016,\n')).toBe(true);
    expect(entry).toContain(
      'title        = {{Search for \\{new\\} physics in 100\\% of events\\_with \\$ \\& \\#}}',
    );
    expect(entry).toContain('author       = {Okafor, Amara and Baumann, Henrik}');
    expect(entry).toContain('url          = {https://a.org/records/cms/higgs-tautau-2016/}');
    let depth = 0;
    for (const char of entry.replace(/\\[{}]/g, '')) {
      depth += char === '{' ? 1 : char === '}' ? -1 : 0;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
  });

  it('prefers the DOI over the page in the text citation', () => {
    expect(textCitation(metadata, context)).toBe(
      `Okafor, A.; Baumann, H. (2018). ${metadata.title} (version 2) [Preserved analysis]. Capsule demo. https://a.org/records/cms/higgs-tautau-2016/`,
    );
    expect(textCitation({ ...metadata, doi: '10.5281/zenodo.1' }, context)).toMatch(
      /https:\/\/doi\.org\/10\.5281\/zenodo\.1$/,
    );
  });
});
