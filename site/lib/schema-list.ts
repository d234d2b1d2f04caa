import { compareVersions, parseSchemaRef } from '../../scripts/lib/schemas/ids.ts';
import { CONFIG_SCHEMA_NAMES } from '../../scripts/lib/schemas/registry.ts';
import type { SiteSchema } from '../../scripts/lib/site/types.ts';

/** Schemas grouped for the documentation: record and config schemas by name (versions newest first), and shared definitions. */
export interface SchemaFamily {
  name: string;
  kind: 'record' | 'config';
  versions: SiteSchema[];
}

export function schemaFamilies(schemas: readonly SiteSchema[]): {
  families: SchemaFamily[];
  definitions: SiteSchema[];
} {
  const families = new Map<string, SchemaFamily>();
  const definitions: SiteSchema[] = [];
  for (const schema of schemas) {
    const parsed = parseSchemaRef(schema.ref);
    if (!parsed || schema.ref.startsWith('common/')) {
      definitions.push(schema);
      continue;
    }
    const family = families.get(parsed.name) ?? {
      name: parsed.name,
      kind: CONFIG_SCHEMA_NAMES.has(parsed.name) ? 'config' : 'record',
      versions: [],
    };
    family.versions.push(schema);
    families.set(parsed.name, family);
  }
  for (const family of families.values())
    family.versions.sort((a, b) =>
      compareVersions(parseSchemaRef(b.ref)!.version, parseSchemaRef(a.ref)!.version),
    );
  return {
    families: [...families.values()].sort((a, b) => a.name.localeCompare(b.name)),
    definitions,
  };
}
