import { describe, expect, it } from 'vitest';
import { loadSchemas } from '../../../scripts/lib/schemas/load-schemas.ts';
import { nodeAt, propertyNames, rootNode } from '../../../scripts/lib/schemas/walk.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';

const { registry } = await loadSchemas(REPO_ROOT);
const root = rootNode(registry, 'cms-analysis/1.0.0')!;

describe('schema walking', () => {
  it('follows $refs across files down to a field', () => {
    const orcid = nodeAt(registry, root, ['people', 0, 'orcid']);
    expect(orcid?.schema).toMatchObject({ type: 'string', format: 'orcid', title: 'ORCID iD' });
  });

  it("keeps the title and description written next to a $ref over the shared definition's", () => {
    expect(nodeAt(registry, root, ['created'])?.schema.title).toBe('Created');
    expect(nodeAt(registry, root, ['concept_doi'])?.schema.title).toBe('Concept DOI');
    expect(nodeAt(registry, root, ['concept_doi'])?.schema.format).toBe('doi');
  });

  it("lists a schema's properties in declaration order, $schema first", () => {
    const names = propertyNames(registry, root);
    expect(names.slice(0, 3)).toEqual(['$schema', 'title', 'abstract']);
    expect(names).toContain('cms');
  });

  it('returns nothing for a path the schema does not describe', () => {
    expect(nodeAt(registry, root, ['no_such_field'])).toBeUndefined();
  });
});
