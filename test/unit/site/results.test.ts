import { describe, expect, it } from 'vitest';
import { tableCsv } from '../../../scripts/lib/hepdata/csv.ts';
import {
  downloadStem,
  resultsDocument,
  resultsDownloads,
  siteResults,
} from '../../../scripts/lib/site/results.ts';
import type { HepdataFolder } from '../../../scripts/lib/hepdata/validate-folder.ts';

const SUBMISSION = `---
comment: Fiducial cross-sections.
---
name: Table 1
description: Signal strength per channel
keywords:
  - {name: observables, values: [MU]}
data_file: Table 1.yaml
---
name: Table 2
description: The same, binned
data_file: t2.yaml
---
name: Table 3
description: Same stem as table 1 after sanitising
data_file: Table_1.yaml
`;
const TABLE = `independent_variables:
  - header: {name: PT, units: GEV}
    values: [{low: 0, high: 20}, {low: 20, high: 40}, {low: 40, high: 60}]
dependent_variables:
  - header: {name: SIG, units: FB}
    qualifiers: [{name: SQRT(S), units: GEV, value: 13000}]
    values:
      - {value: 1.2, errors: [{symerror: 0.1, label: stat}]}
      - {value: 0.9, errors: [{asymerror: {plus: 0.2, minus: -0.1}, label: sys}]}
      - {value: 0.4, errors: [{symerror: 0.05, label: stat}]}
`;

function folder(files: { [name: string]: string }): HepdataFolder {
  return {
    dir: 'content/x/y/hepdata',
    files: Object.entries(files).map(([path, text]) => ({ path, size: text.length })),
    read: async (path) => new TextEncoder().encode(files[path] ?? ''),
  };
}

const FILES = {
  'submission.yaml': SUBMISSION,
  'Table 1.yaml': TABLE,
  't2.yaml': TABLE,
  'Table_1.yaml': TABLE,
};

describe('siteResults', () => {
  it('reads every table in submission order with safe, unique download names', async () => {
    const results = await siteResults(folder(FILES), 'hepdata/');
    expect(results.folder).toBe('hepdata');
    expect(results.comment).toBe('Fiducial cross-sections.');
    expect(
      results.tables.map(({ table, path, stem, csv, yaml }) => ({
        name: table.name,
        path,
        stem,
        csv,
        yaml,
      })),
    ).toEqual([
      {
        name: 'Table 1',
        path: 'hepdata/Table 1.yaml',
        stem: 'Table_1',
        csv: 'Table_1.csv',
        yaml: 'Table_1.yaml',
      },
      { name: 'Table 2', path: 'hepdata/t2.yaml', stem: 't2', csv: 't2.csv', yaml: 't2.yaml' },
      {
        name: 'Table 3',
        path: 'hepdata/Table_1.yaml',
        stem: 'Table_1-2',
        csv: 'Table_1-2.csv',
        yaml: 'Table_1-2.yaml',
      },
    ]);
  });

  it('leaves out a table whose data file is missing (the validator reports it)', async () => {
    const { 't2.yaml': _, ...rest } = FILES;
    const results = await siteResults(folder(rest), 'hepdata');
    expect(results.tables.map((entry) => entry.table.name)).toEqual(['Table 1', 'Table 3']);
  });

  it('makes download names that cannot leave their folder or surprise a host', () => {
    expect(downloadStem('../../etc/passwd.yaml')).toBe('etc_passwd');
    expect(downloadStem('.hidden.yml')).toBe('hidden');
    expect(downloadStem('Table 7 (a).yaml')).toBe('Table_7_a_');
    expect(downloadStem('.yaml')).toBe('table');
  });
});

describe('resultsDownloads', () => {
  it('gives the data file as submitted, the CSV of the model and one SVG per plot', async () => {
    const results = await siteResults(folder(FILES), 'hepdata');
    const read = async (path: string) => new TextEncoder().encode(`bytes of ${path}`);
    const downloads = await resultsDownloads(results, read);
    expect(downloads.map((download) => download.name)).toEqual([
      'Table_1.yaml',
      'Table_1.csv',
      'Table_1.svg',
      't2.yaml',
      't2.csv',
      't2.svg',
      'Table_1-2.yaml',
      'Table_1-2.csv',
      'Table_1-2.svg',
    ]);
    const byName = new Map(downloads.map((download) => [download.name, download.content]));
    expect(new TextDecoder().decode(byName.get('t2.yaml') as Uint8Array)).toBe(
      'bytes of hepdata/t2.yaml',
    );
    expect(byName.get('t2.csv')).toBe(tableCsv(results.tables[1]!.table));
    const svg = byName.get('t2.svg') as string;
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('<title id="t2-plot-1-title">Table 2</title>');
    expect(svg).not.toMatch(/<script|\son[a-z]+=|href=/i);
  });

  it('lists the downloads in the record document', async () => {
    const results = await siteResults(folder(FILES), 'hepdata');
    const document = resultsDocument(results, (name) => `https://a.test/hepdata/${name}`);
    expect(document[0]).toEqual({
      name: 'Table 1',
      description: 'Signal strength per channel',
      location: null,
      data_file: 'hepdata/Table 1.yaml',
      rows: 3,
      yaml: 'https://a.test/hepdata/Table_1.yaml',
      csv: 'https://a.test/hepdata/Table_1.csv',
      plots: ['https://a.test/hepdata/Table_1.svg'],
    });
  });
});
