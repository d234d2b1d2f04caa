import * as path from 'node:path';
import type { AnySchemaObject } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { ArchiveFs } from '../records/archive-fs.ts';
import { isMissing, nodeArchiveFs } from '../records/archive-fs.ts';
import { SCHEMAS_DIR, joinPath } from '../records/layout.ts';
import { fileDiagnostic } from '../records/source.ts';
import { LineIndex } from '../yaml/line-index.ts';
import { schemaIdFor } from './ids.ts';
import { SchemaRegistry } from './registry.ts';
import type { SchemaDocument } from './registry.ts';

/**
 * Reads schemas/ into a registry. Layout: `schemas/<name>/<x.y.z>.json` for record and config
 * schemas, `schemas/common/<x.y.z>/<definition>.json` for shared definitions, and
 * `schemas/<format>/<x.y.z>/<part>.json` for the peer formats Capsule checks (HEPData, REANA).
 */
export interface LoadedSchemas {
  registry: SchemaRegistry;
  diagnostics: Diagnostic[];
}

const RECORD_FILE = /^([a-z0-9][a-z0-9-]*)\/(\d+\.\d+\.\d+)\.json$/;
const DEFINITION_FILE = /^([a-z0-9][a-z0-9-]*)\/(\d+\.\d+\.\d+)\/([a-z0-9][a-z0-9-]*)\.json$/;

export async function loadSchemas(
  root: string,
  fs: ArchiveFs = nodeArchiveFs,
): Promise<LoadedSchemas> {
  const diagnostics: Diagnostic[] = [];
  const documents: SchemaDocument[] = [];
  let files: string[] = [];
  try {
    files = await listJsonFiles(root, SCHEMAS_DIR, fs);
  } catch (error) {
    if (!isMissing(error)) throw error;
    diagnostics.push(
      fileDiagnostic(
        SCHEMAS_DIR,
        'CAPSULE_SCHEMA_FILE',
        `There is no ${SCHEMAS_DIR}/ folder in ${root}.`,
        "Run the command from the archive repository's root, or pass --root <dir>.",
      ),
    );
  }
  for (const file of files) {
    const relative = file.slice(SCHEMAS_DIR.length + 1);
    const record = RECORD_FILE.exec(relative);
    const definition = DEFINITION_FILE.exec(relative);
    const ref = record
      ? `${record[1]}/${record[2]}`
      : definition
        ? `${definition[1]}/${definition[2]}/${definition[3]}`
        : undefined;
    if (!ref) {
      diagnostics.push(
        fileDiagnostic(
          file,
          'CAPSULE_SCHEMA_FILE',
          `${file} is not where a schema file goes.`,
          `Name schema files schemas/<name>/<x.y.z>.json, or schemas/<name>/<x.y.z>/<part>.json for shared definitions and peer formats.`,
          'warning',
        ),
      );
      continue;
    }
    const text = Buffer.from(await fs.readFile(path.join(root, file))).toString('utf8');
    const parsed = parseJson(file, text);
    if ('diagnostic' in parsed) {
      diagnostics.push(parsed.diagnostic);
      continue;
    }
    const id = schemaIdFor(ref);
    if (parsed.json.$id !== id) {
      diagnostics.push(
        fileDiagnostic(
          file,
          'CAPSULE_SCHEMA_FILE',
          `${file} has \`$id\` ${JSON.stringify(parsed.json.$id)}, but its place says ${id}.`,
          `Set \`"$id": "${id}"\`: records find their schema by its place in schemas/.`,
        ),
      );
      continue;
    }
    documents.push({ ref, id, file, json: parsed.json });
  }
  let registry: SchemaRegistry;
  try {
    registry = new SchemaRegistry(documents);
  } catch (error) {
    // ajv refuses a schema it cannot even add (a duplicate or malformed $id).
    diagnostics.push(
      fileDiagnostic(
        SCHEMAS_DIR,
        'CAPSULE_SCHEMA_FILE',
        `The schemas could not be loaded: ${(error as Error).message}`,
        'Check the `$id` of the schema files changed last.',
      ),
    );
    registry = new SchemaRegistry([]);
  }
  return { registry, diagnostics };
}

async function listJsonFiles(root: string, dir: string, fs: ArchiveFs): Promise<string[]> {
  const out: string[] = [];
  const entries = await fs.readdir(path.join(root, dir));
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const relative = joinPath(dir, entry.name);
    // Migrations sit beside a schema's versions but are not schemas (scripts/lib/migrate).
    if (entry.isDirectory() && entry.name === 'migrations') continue;
    if (entry.isDirectory()) out.push(...(await listJsonFiles(root, relative, fs)));
    else if (entry.isFile() && entry.name.endsWith('.json')) out.push(relative);
  }
  return out;
}

function parseJson(
  file: string,
  text: string,
): { json: AnySchemaObject } | { diagnostic: Diagnostic } {
  try {
    const json: unknown = JSON.parse(text);
    if (json === null || typeof json !== 'object' || Array.isArray(json)) {
      return {
        diagnostic: fileDiagnostic(
          file,
          'CAPSULE_SCHEMA_FILE',
          `${file} is not a JSON object.`,
          'A schema file holds one JSON Schema object.',
        ),
      };
    }
    return { json: json as AnySchemaObject };
  } catch (error) {
    const message = (error as Error).message;
    const offset = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
    const { line, column } = new LineIndex(text).position(offset);
    return {
      diagnostic: fileDiagnostic(
        file,
        'CAPSULE_SCHEMA_FILE',
        `${file} is not valid JSON: ${message.replace(/ in JSON at position.*$/, '')}.`,
        'Fix the JSON syntax (a missing comma or quote, or a trailing comma).',
        'error',
        line,
        column,
      ),
    };
  }
}
