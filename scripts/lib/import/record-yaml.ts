import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { canonicalEntryOrder } from '../format/canonical-order.ts';
import { readYamlMetadata } from '../records/read-metadata.ts';
import type { SchemaRegistry } from '../schemas/registry.ts';
import { rootNode } from '../schemas/walk.ts';
import { schemaDiagnostics } from '../validate/schema-diagnostics.ts';
import { emitYaml, toNode } from '../yaml/index.ts';

/**
 * An imported record written as Capsule writes records (the schema's key order, block YAML) and
 * checked against its schema as a draft: what is still missing is a warning, anything else an
 * error, each at its line in the written file.
 */
export function recordYaml(record: { [key: string]: unknown }, registry: SchemaRegistry): string {
  const ref = typeof record.$schema === 'string' ? record.$schema : undefined;
  const document = { source: '', root: toNode(record), endComments: [], headerComments: [] };
  return emitYaml(document, { orderEntries: canonicalEntryOrder(registry, ref) });
}

export function checkRecordYaml(
  path: string,
  text: string,
  registry: SchemaRegistry,
): Diagnostic[] {
  const read = readYamlMetadata(path, Buffer.from(text));
  if (!read.data || !read.file) return read.diagnostics;
  const ref = typeof read.data.$schema === 'string' ? read.data.$schema : '';
  const root = rootNode(registry, ref);
  if (!root) return read.diagnostics;
  const validate = registry.validator(ref);
  if (validate(read.data)) return read.diagnostics;
  return [
    ...read.diagnostics,
    ...schemaDiagnostics(validate.errors ?? [], {
      file: read.file,
      data: read.data,
      registry,
      root,
      draft: true,
    }),
  ];
}
