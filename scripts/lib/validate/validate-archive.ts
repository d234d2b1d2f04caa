import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { HepdataFolderReport } from '../hepdata/validate-folder.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { compareDiagnostics } from '../diagnostics/diagnostic.ts';
import type { LoadedArchive } from '../records/load-archive.ts';
import { fileDiagnostic } from '../records/source.ts';
import type { MetadataFile } from '../records/source.ts';
import type { ArchiveRecord, RecordMetadata, UnknownMap, ValidRecord } from '../records/types.ts';
import { parseSchemaRef } from '../schemas/ids.ts';
import type { LoadedSchemas } from '../schemas/load-schemas.ts';
import { SchemaCompileError } from '../schemas/registry.ts';
import type { SchemaRegistry } from '../schemas/registry.ts';
import { rootNode } from '../schemas/walk.ts';
import { closest } from '../text/suggest.ts';
import { text } from './data.ts';
import { ARCHIVE_RULES, RECORD_RULES } from './rules/index.ts';
import type { RuleContext } from './rule.ts';
import { schemaDiagnostics } from './schema-diagnostics.ts';
import { fileHasher } from './sha256.ts';

/**
 * The validator: the archive as loaded (parse diagnostics included), then each record against
 * the schema it names, then the record rules, then the rules across the archive.
 */
export interface ValidateOptions {
  /** Draft pull requests: missing required fields are warnings. */
  draft?: boolean;
  /** Check and report only the records in folders this accepts; cross-record rules still see every record. */
  select?: (recordDir: string) => boolean;
  /**
   * Whose cross-record problems to report with `select`: the selected records' (default), or
   * every record's ('archive': a change can break another record, e.g. by deleting a record it
   * relates to).
   */
  crossRecordScope?: 'selected' | 'archive';
  sha256?: (file: string) => Promise<string>;
  readFile?: (file: string) => Promise<Uint8Array>;
  onProgress?: (done: number, total: number) => void;
}

export interface ValidationReport {
  diagnostics: Diagnostic[];
  /** How many records were checked. */
  checked: number;
  valid: ValidRecord[];
  /** The HEPData submissions read, by folder relative to the archive root. */
  hepdata: Map<string, HepdataFolderReport>;
}

export async function validateArchive(
  archive: LoadedArchive,
  schemas: LoadedSchemas,
  options: ValidateOptions = {},
): Promise<ValidationReport> {
  const select = options.select ?? (() => true);
  const draft = options.draft ?? false;
  const registry = schemas.registry;
  const brokenSchemas = new Set<string>();
  const diagnostics: Diagnostic[] = [...schemas.diagnostics];
  const context: RuleContext = {
    archive,
    config: archive.config?.data,
    draft,
    sha256: options.sha256 ?? fileHasher(archive.root),
    readFile: options.readFile ?? ((file) => readFile(path.join(archive.root, file))),
    hepdata: new Map(),
  };

  if (archive.config)
    diagnostics.push(
      ...validateConfig(
        archive.config.file,
        archive.config.data,
        'archive',
        registry,
        brokenSchemas,
      ),
    );
  for (const collection of archive.collections.values()) {
    diagnostics.push(
      ...validateConfig(
        collection.metadataFile,
        collection.data,
        'collection',
        registry,
        brokenSchemas,
      ),
    );
  }

  const selected = archive.records.filter((record) => select(record.dir));
  let done = 0;
  for (const record of selected) {
    diagnostics.push(...validateRecordSchema(record, archive, registry, draft, brokenSchemas));
    const ruleContext = { ...context, collection: archive.collections.get(record.collection) };
    for (const rule of RECORD_RULES) diagnostics.push(...(await rule(record, ruleContext)));
    options.onProgress?.(++done, selected.length);
  }
  const selectedIds = new Set(selected.map((record) => record.id));
  const crossRecord: Diagnostic[] = [];
  for (const rule of ARCHIVE_RULES) crossRecord.push(...rule(archive.records, context));

  const recordDirs = archive.records.map((record) => record.dir);
  const inScope = (diagnostic: Diagnostic) => {
    const dir = recordDirOf(diagnostic.file, recordDirs);
    return dir === undefined || select(dir);
  };
  const reported = [
    ...[...archive.diagnostics, ...diagnostics].filter(inScope),
    ...(options.crossRecordScope === 'archive' ? crossRecord : crossRecord.filter(inScope)),
  ];
  const failing = new Set<string>();
  for (const diagnostic of reported) {
    if (diagnostic.severity !== 'error') continue;
    const dir = recordDirOf(diagnostic.file, recordDirs);
    if (dir) failing.add(dir);
  }
  const valid = archive.records
    .filter((record) => selectedIds.has(record.id) && !failing.has(record.dir))
    .map((record): ValidRecord => ({
      ...record,
      metadata: record.data as unknown as RecordMetadata,
    }));
  return {
    diagnostics: dedupe(reported).sort(compareDiagnostics),
    checked: selected.length,
    valid,
    hepdata: context.hepdata as Map<string, HepdataFolderReport>,
  };
}

function validateRecordSchema(
  record: ArchiveRecord,
  archive: LoadedArchive,
  registry: SchemaRegistry,
  draft: boolean,
  broken: Set<string>,
): Diagnostic[] {
  const file = record.metadataFile;
  const collection = archive.collections.get(record.collection);
  const fallback =
    (collection && text(collection.data, 'default_schema')) ??
    registry.latest('analysis') ??
    'analysis/1.0.0';
  const declared = record.data.$schema;
  if (declared === undefined) {
    return [
      file.diagnostic(
        'CAPSULE_SCHEMA_MISSING',
        'error',
        '',
        'The record does not say which schema it follows.',
        `Add \`$schema: ${fallback}\` as the first line.`,
      ),
    ];
  }
  const ref = typeof declared === 'string' ? parseSchemaRef(declared) : undefined;
  const known = registry.recordSchemaNames();
  if (!ref || !registry.get(`${ref.name}/${ref.version}`) || !known.includes(ref.name)) {
    let hint = `Use \`$schema: ${fallback}\`.`;
    if (ref && known.includes(ref.name)) {
      hint = `Published versions of ${ref.name}: ${registry.versions(ref.name).join(', ')}. Use \`$schema: ${registry.latest(ref.name)}\` for a new record.`;
    } else if (ref) {
      const name = closest(ref.name, known);
      if (name) hint = `Did you mean \`$schema: ${registry.latest(name)}\`?`;
    }
    return [
      file.diagnostic(
        'CAPSULE_SCHEMA_UNKNOWN',
        'error',
        '/$schema',
        `\`$schema: ${String(declared)}\` names no schema in schemas/ (expected \`<name>/<x.y.z>\`, e.g. \`${fallback}\`).`,
        hint,
      ),
    ];
  }
  return runSchema(file, record.data, `${ref.name}/${ref.version}`, registry, draft, broken);
}

function validateConfig(
  file: MetadataFile,
  data: UnknownMap,
  name: string,
  registry: SchemaRegistry,
  broken: Set<string>,
): Diagnostic[] {
  const ref = registry.latest(name);
  if (!ref) return [];
  return runSchema(file, data, ref, registry, false, broken);
}

function runSchema(
  file: MetadataFile,
  data: UnknownMap,
  ref: string,
  registry: SchemaRegistry,
  draft: boolean,
  broken: Set<string>,
): Diagnostic[] {
  if (broken.has(ref)) return [];
  let validate;
  try {
    validate = registry.validator(ref);
  } catch (error) {
    if (!(error instanceof SchemaCompileError)) throw error;
    broken.add(ref);
    return [
      fileDiagnostic(
        error.file || `schemas/${ref}.json`,
        'CAPSULE_SCHEMA_FILE',
        `The schema ${ref} is broken: ${error.message}`,
        'Fix the schema file; records using it cannot be checked until then.',
      ),
    ];
  }
  if (validate(data)) return [];
  const root = rootNode(registry, ref);
  if (!root) return [];
  return schemaDiagnostics(validate.errors ?? [], { file, data, registry, root, draft });
}

/** The record folder a file belongs to, if any. */
function recordDirOf(file: string, recordDirs: readonly string[]): string | undefined {
  const metadata = /^(.*)\/record\.(yaml|md)$/.exec(file);
  if (metadata) return metadata[1];
  let best: string | undefined;
  for (const dir of recordDirs) {
    if ((file === dir || file.startsWith(`${dir}/`)) && (!best || dir.length > best.length))
      best = dir;
  }
  return best;
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((diagnostic) => {
    const key = `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}:${diagnostic.code}:${diagnostic.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
