import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSchemas } from '../../../scripts/lib/schemas/load-schemas.ts';
import { FieldTreeBuilder, asTable, flattenFields } from '../../../scripts/lib/site/field-tree.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';

let builder: FieldTreeBuilder;
beforeAll(async () => {
  builder = new FieldTreeBuilder((await loadSchemas(path.resolve(REPO_ROOT))).registry);
});

const record = {
  $schema: 'cms-analysis/1.0.0',
  title: 'A title',
  updated: '2024-01-02',
  people: [
    { family_name: 'Lovelace', orcid: '0000-0002-1825-0097', roles: ['contact', 'analyst'] },
  ],
  cms: {
    cadi_id: 'HIG-16-043',
    primary_datasets: [{ name: '/A/B/MINIAOD', run_period: 'Run2016B' }],
  },
};

describe('FieldTreeBuilder', () => {
  it('labels every field with its schema title and description, in schema order', () => {
    const tree = builder.build('cms-analysis/1.0.0', record);
    expect(tree.map((node) => node.title)).toEqual(['Schema', 'Title', 'Updated', 'People', 'CMS']);
    // A property's own title wins over the title of the definition it refers to (a date).
    expect(tree[2]).toMatchObject({ title: 'Updated', value: { text: '2024-01-02' } });
    expect(tree[1]?.description).toMatch(/title of the analysis/);
  });

  it('links identifiers by their format', () => {
    const person = builder.build('cms-analysis/1.0.0', record)[3]?.items?.[0];
    expect(person?.fields?.find((field) => field.key === 'orcid')?.value).toEqual({
      text: '0000-0002-1825-0097',
      href: 'https://orcid.org/0000-0002-1825-0097',
      code: true,
    });
  });

  it('leaves out the fields asked to', () => {
    expect(
      builder
        .build('cms-analysis/1.0.0', record, new Set(['people', 'cms']))
        .map((node) => node.key),
    ).toEqual(['$schema', 'title', 'updated']);
  });

  it('falls back to the key for fields a schema does not know', () => {
    expect(builder.build('cms-analysis/1.0.0', { made_up_field: 'x' })[0]?.title).toBe(
      'Made up field',
    );
  });
});

describe('asTable and flattenFields', () => {
  it('makes a table of a list of flat objects', () => {
    const datasets = builder
      .build('cms-analysis/1.0.0', record)[4]
      ?.fields?.find((field) => field.key === 'primary_datasets');
    const table = datasets && asTable(datasets);
    expect(table?.columns.map((column) => column.title)).toEqual(['DAS name', 'Run period']);
    expect(table?.rows[0]?.map((cell) => cell?.value?.text)).toEqual(['/A/B/MINIAOD', 'Run2016B']);
  });

  it('flattens a tree into rows, describing each field once', () => {
    const rows = flattenFields(
      builder.build('cms-analysis/1.0.0', { people: [{ family_name: 'A' }, { family_name: 'B' }] }),
    );
    expect(
      rows.map((row) => [
        row.depth,
        row.title,
        row.values?.map((value) => value.text).join(),
        Boolean(row.description),
      ]),
    ).toEqual([
      [0, 'People', undefined, true],
      [1, 'People 1', undefined, false],
      [2, 'Family name', 'A', true],
      [1, 'People 2', undefined, false],
      [2, 'Family name', 'B', false],
    ]);
  });
});
