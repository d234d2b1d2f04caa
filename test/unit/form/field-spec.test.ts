import { describe, expect, it } from 'vitest';
import { fieldLabel, fieldSpec } from '../../../scripts/lib/form/field-spec.ts';
import type { FieldSpec } from '../../../scripts/lib/form/field-spec.ts';
import { loadSchemas } from '../../../scripts/lib/schemas/load-schemas.ts';
import { schemaLookup } from '../../../scripts/lib/schemas/lookup.ts';
import { nodeAt, rootNode } from '../../../scripts/lib/schemas/walk.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';

const { registry } = await loadSchemas(REPO_ROOT);
const lookup = schemaLookup(registry.documents);
const root = rootNode(lookup, 'cms-analysis/1.0.0')!;
const spec = (...path: Array<string | number>): FieldSpec =>
  fieldSpec(lookup, nodeAt(lookup, root, path)!);

describe('the form field a schema asks for', () => {
  it('is a section with the properties in schema order, required ones marked', () => {
    const record = fieldSpec(lookup, root);
    expect(record.kind).toBe('object');
    if (record.kind !== 'object') return;
    expect(record.properties.slice(0, 4).map((property) => property.name)).toEqual([
      '$schema',
      'title',
      'abstract',
      'version',
    ]);
    expect(record.properties.find((property) => property.name === 'people')?.required).toBe(true);
    expect(record.properties.find((property) => property.name === 'keywords')?.required).toBe(
      false,
    );
  });

  it('takes titles and help from the definition a property refers to', () => {
    const title = spec('title');
    expect(title).toMatchObject({ kind: 'text', title: 'Title', multiline: false, minLength: 3 });
    expect(title.description).toContain('title of the analysis');
    expect(spec('created')).toMatchObject({ kind: 'text', title: 'Created', format: 'date' });
  });

  it('gives long text several lines', () => {
    expect(spec('abstract')).toMatchObject({ kind: 'text', multiline: true });
  });

  it('is a select for an enum, checkboxes for a set of enum values, a fixed value for a const', () => {
    expect(spec('status')).toMatchObject({
      kind: 'select',
      options: expect.arrayContaining(['published']),
    });
    expect(spec('physics_themes')).toMatchObject({
      kind: 'choices',
      options: expect.arrayContaining(['higgs']),
    });
    expect(spec('experiment')).toMatchObject({ kind: 'const', value: 'CMS' });
  });

  it('is a list for an array, with the item schema to render each entry', () => {
    const people = spec('people');
    expect(people).toMatchObject({ kind: 'array', minItems: 1 });
    if (people.kind !== 'array') return;
    expect(fieldSpec(lookup, people.item)).toMatchObject({ kind: 'object', title: 'Person' });
    expect(spec('people', 0, 'orcid')).toMatchObject({ kind: 'text', format: 'orcid' });
    expect(spec('cms', 'primary_datasets', 0, 'triggers')).toMatchObject({ kind: 'array' });
  });

  it('is a number box for numbers and integers, a yes/no for booleans', () => {
    expect(spec('collision', 'sqrt_s_tev')).toMatchObject({
      kind: 'number',
      integer: false,
      minimum: 0,
    });
    expect(spec('files', 0, 'size')).toMatchObject({ kind: 'number', integer: true });
    expect(spec('cms', 'primary_datasets', 0, 'triggers', 0, 'prescaled')).toMatchObject({
      kind: 'boolean',
    });
  });

  it('falls back to JSON for what it cannot show as fields', () => {
    const node = {
      schema: { anyOf: [{ type: 'string' }, { type: 'number' }] },
      baseId: root.baseId,
    };
    expect(fieldSpec(lookup, node).kind).toBe('json');
  });

  it('labels a field without a title by its key', () => {
    expect(fieldLabel({}, 'run_periods')).toBe('Run periods');
    expect(fieldLabel({ title: 'ORCID iD' }, 'orcid')).toBe('ORCID iD');
  });
});
