/**
 * Schema identifiers. Records name their schema as `<name>/<version>`; schema files carry an
 * absolute `$id` under a reserved host that never resolves, so that an archive can be served
 * anywhere and its schemas still resolve only to themselves. The site serves the same documents
 * at /api/schemas/<name>/<version>.json.
 */
export const SCHEMA_ID_BASE = 'https://capsule.invalid/schemas/';

/** `cms-analysis/1.0.0` → `https://capsule.invalid/schemas/cms-analysis/1.0.0.json` */
export function schemaIdFor(ref: string): string {
  return `${SCHEMA_ID_BASE}${ref}.json`;
}

/** The inverse of schemaIdFor; undefined for ids outside the base. */
export function refForSchemaId(id: string): string | undefined {
  if (!id.startsWith(SCHEMA_ID_BASE) || !id.endsWith('.json')) return undefined;
  return id.slice(SCHEMA_ID_BASE.length, -'.json'.length);
}

export const SCHEMA_REF_PATTERN = /^([a-z0-9][a-z0-9-]*)\/(\d+\.\d+\.\d+)$/;

export interface SchemaRef {
  name: string;
  version: string;
}

export function parseSchemaRef(ref: string): SchemaRef | undefined {
  const match = SCHEMA_REF_PATTERN.exec(ref);
  return match ? { name: match[1] as string, version: match[2] as string } : undefined;
}

/** Compares two x.y.z versions. */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
