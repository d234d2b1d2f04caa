import type { AnySchemaObject } from 'ajv/dist/2020.js';
import { SchemaRegistry } from '../schemas/registry.ts';
import { schemaIdFor } from '../schemas/ids.ts';
import reana from '../../../schemas/reana/0.95.0/reana.json' with { type: 'json' };

/** Capsule's schema for reana.yaml (schemas/reana/0.95.0/), shipped with the code. */
export const REANA_SCHEMA_REF = 'reana/0.95.0/reana';

let registry: SchemaRegistry | undefined;

export function reanaRegistry(): SchemaRegistry {
  registry ??= new SchemaRegistry([
    {
      ref: REANA_SCHEMA_REF,
      id: schemaIdFor(REANA_SCHEMA_REF),
      file: `schemas/${REANA_SCHEMA_REF}.json`,
      json: reana as AnySchemaObject,
    },
  ]);
  return registry;
}
