import type { AnySchemaObject, ValidateFunction } from 'ajv/dist/2020.js';
import { createAjv } from './ajv.ts';
import type { Ajv2020 } from './ajv.ts';
import { compareVersions, parseSchemaRef, schemaIdFor } from './ids.ts';

/** One schema file: a record schema, a config schema, or a shared definition. */
export interface SchemaDocument {
  /** `cms-analysis/1.0.0`, `collection/1.0.0`, or `common/1.0.0/person` for definitions. */
  ref: string;
  id: string;
  /** Path relative to the archive root. */
  file: string;
  json: AnySchemaObject;
}

/** Names of the schemas for the archive's own files rather than records. */
export const CONFIG_SCHEMA_NAMES = new Set(['collection', 'archive']);

export class SchemaCompileError extends Error {
  readonly ref: string;
  readonly file: string;

  constructor(ref: string, file: string, message: string) {
    super(message);
    this.ref = ref;
    this.file = file;
  }
}

/**
 * Every schema of an archive, added to one ajv instance; each is compiled the first time a record
 * needs it and never again. Browser-safe: the documents are passed in, not read from disk.
 */
export class SchemaRegistry {
  readonly ajv: Ajv2020;
  readonly #byRef = new Map<string, SchemaDocument>();
  readonly #byId = new Map<string, SchemaDocument>();
  readonly #compiled = new Map<string, ValidateFunction>();
  #recordNames: string[] | undefined;

  constructor(documents: readonly SchemaDocument[]) {
    this.ajv = createAjv();
    for (const document of documents) {
      this.#byRef.set(document.ref, document);
      this.#byId.set(document.id, document);
      this.ajv.addSchema(document.json, document.id);
    }
  }

  get(ref: string): SchemaDocument | undefined {
    return this.#byRef.get(ref);
  }

  byId(id: string): SchemaDocument | undefined {
    return this.#byId.get(id);
  }

  get documents(): SchemaDocument[] {
    return [...this.#byRef.values()];
  }

  /** Names of record schemas (not definitions, not config schemas). */
  recordSchemaNames(): string[] {
    this.#recordNames ??= this.#findRecordSchemaNames();
    return this.#recordNames;
  }

  #findRecordSchemaNames(): string[] {
    const names = new Set<string>();
    for (const ref of this.#byRef.keys()) {
      const parsed = parseSchemaRef(ref);
      if (parsed && !CONFIG_SCHEMA_NAMES.has(parsed.name)) names.add(parsed.name);
    }
    return [...names].sort();
  }

  /** Published versions of a schema, oldest first. */
  versions(name: string): string[] {
    const versions: string[] = [];
    for (const ref of this.#byRef.keys()) {
      const parsed = parseSchemaRef(ref);
      if (parsed?.name === name) versions.push(parsed.version);
    }
    return versions.sort(compareVersions);
  }

  latest(name: string): string | undefined {
    const versions = this.versions(name);
    const last = versions[versions.length - 1];
    return last === undefined ? undefined : `${name}/${last}`;
  }

  /** The compiled validator for `name/version`; throws SchemaCompileError if the schema is broken. */
  validator(ref: string): ValidateFunction {
    const cached = this.#compiled.get(ref);
    if (cached) return cached;
    const document = this.#byRef.get(ref);
    if (!document) throw new SchemaCompileError(ref, '', `No schema ${ref}.`);
    let validate: ValidateFunction | undefined;
    try {
      validate = this.ajv.getSchema(schemaIdFor(ref));
    } catch (error) {
      throw new SchemaCompileError(ref, document.file, (error as Error).message);
    }
    if (!validate)
      throw new SchemaCompileError(ref, document.file, `The schema ${ref} could not be compiled.`);
    this.#compiled.set(ref, validate);
    return validate;
  }
}
