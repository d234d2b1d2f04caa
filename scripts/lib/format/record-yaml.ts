import type { SchemaLookup } from '../schemas/walk.ts';
import { toNode } from '../yaml/edit.ts';
import { emitYaml } from '../yaml/emit.ts';
import type { YamlDocument } from '../yaml/nodes.ts';
import { canonicalEntryOrder } from './canonical-order.ts';

/**
 * A record written from its data alone, in the canonical format `capsule fmt` keeps: the schema's
 * key order, two-space block layout, long text folded at RECORD_LINE_WIDTH. `capsule new` and the
 * site's form write records with it; for a record read from a file in that format, writing its
 * data gives the file back (test/unit/format/record-yaml.test.ts holds the sample archive to it).
 * Browser-safe: it imports no parser.
 */
export const RECORD_LINE_WIDTH = 100;

export type RecordData = { [key: string]: unknown };

export function recordYaml(data: RecordData, schemas: SchemaLookup): string {
  const document: YamlDocument = {
    source: '',
    root: toNode(data),
    endComments: [],
    headerComments: [],
  };
  const schema = typeof data.$schema === 'string' ? data.$schema : undefined;
  return emitYaml(document, {
    orderEntries: canonicalEntryOrder(schemas, schema),
    foldWidth: RECORD_LINE_WIDTH,
  });
}

/**
 * The text of a record file: `record.yaml`, or `record.md` with the record as front matter and the
 * documentation after it, as `capsule fmt` writes one.
 */
export function recordFileText(
  data: RecordData,
  schemas: SchemaLookup,
  file: 'record.yaml' | 'record.md',
  body = '',
): string {
  const yaml = recordYaml(data, schemas);
  return file === 'record.md' ? `---\n${yaml}---\n${body}` : yaml;
}
