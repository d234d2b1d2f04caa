import type { AnySchemaObject } from 'ajv/dist/2020.js';
import { SchemaRegistry } from '../schemas/registry.ts';
import type { SchemaDocument } from '../schemas/registry.ts';
import { schemaIdFor } from '../schemas/ids.ts';
import info101 from '../../../schemas/hepdata/1.0.1/additional-info.json' with { type: 'json' };
import data101 from '../../../schemas/hepdata/1.0.1/data.json' with { type: 'json' };
import submission101 from '../../../schemas/hepdata/1.0.1/submission.json' with { type: 'json' };
import info111 from '../../../schemas/hepdata/1.1.1/additional-info.json' with { type: 'json' };
import resources111 from '../../../schemas/hepdata/1.1.1/additional-resources.json' with { type: 'json' };
import data111 from '../../../schemas/hepdata/1.1.1/data.json' with { type: 'json' };
import submission111 from '../../../schemas/hepdata/1.1.1/submission.json' with { type: 'json' };

/**
 * Capsule's own schemas for the HEPData submission format (schemas/hepdata/<version>/), the
 * constraints of HEPData's JSON schemas re-expressed for JSON Schema 2020-12 and ajv's strict
 * mode. They ship with the code, so validation never needs the network or HEPData's files;
 * browser-safe like the rest of the registry.
 */
export const HEPDATA_SCHEMA_VERSIONS = ['1.0.1', '1.1.1'] as const;
export type HepdataSchemaVersion = (typeof HEPDATA_SCHEMA_VERSIONS)[number];
/** What hepdata-validator uses when not told otherwise. */
export const DEFAULT_HEPDATA_SCHEMA_VERSION: HepdataSchemaVersion = '1.1.1';

export type HepdataSchemaPart = 'data' | 'submission' | 'additional-info';

const SOURCES: Array<[string, unknown]> = [
  ['hepdata/1.0.1/additional-info', info101],
  ['hepdata/1.0.1/data', data101],
  ['hepdata/1.0.1/submission', submission101],
  ['hepdata/1.1.1/additional-info', info111],
  ['hepdata/1.1.1/additional-resources', resources111],
  ['hepdata/1.1.1/data', data111],
  ['hepdata/1.1.1/submission', submission111],
];

let registry: SchemaRegistry | undefined;

/** The HEPData schemas in a registry of their own (compiled once, on first use). */
export function hepdataRegistry(): SchemaRegistry {
  registry ??= new SchemaRegistry(
    SOURCES.map(([ref, json]): SchemaDocument => ({
      ref,
      id: schemaIdFor(ref),
      file: `schemas/${ref}.json`,
      json: json as AnySchemaObject,
    })),
  );
  return registry;
}

export function hepdataSchemaRef(version: HepdataSchemaVersion, part: HepdataSchemaPart): string {
  return `hepdata/${version}/${part}`;
}

export function isHepdataSchemaVersion(value: string): value is HepdataSchemaVersion {
  return (HEPDATA_SCHEMA_VERSIONS as readonly string[]).includes(value);
}
