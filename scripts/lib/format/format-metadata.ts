import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { readMarkdownMetadata, readYamlMetadata } from '../records/read-metadata.ts';
import type { SchemaRegistry } from '../schemas/registry.ts';
import { parseSchemaRef } from '../schemas/ids.ts';
import { emitYaml } from '../yaml/index.ts';
import { canonicalEntryOrder } from './canonical-order.ts';

/**
 * `capsule fmt` for one metadata file: canonical key order (the schema's), two-space block
 * layout, a trailing newline, comments kept. A record.md keeps its documentation byte for byte.
 */
export interface FormatResult {
  /** The canonical text, or undefined when the file cannot be read safely (see diagnostics). */
  output: string | undefined;
  changed: boolean;
  diagnostics: Diagnostic[];
}

export type MetadataKind = 'record' | 'collection' | 'archive';

export function formatMetadata(
  file: string,
  bytes: Uint8Array,
  kind: MetadataKind,
  registry: SchemaRegistry,
): FormatResult {
  const markdown = file.endsWith('.md');
  const read = markdown
    ? readMarkdownMetadata(file, bytes, { trivia: true })
    : readYamlMetadata(file, bytes, { trivia: true });
  const errors = read.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0 || !read.file?.document || !read.data)
    return { output: undefined, changed: false, diagnostics: read.diagnostics };
  const declared = read.data.$schema;
  const ref =
    kind === 'record'
      ? typeof declared === 'string' && parseSchemaRef(declared) && registry.get(declared)
        ? declared
        : undefined
      : registry.latest(kind);
  let yaml = emitYaml(read.file.document, { orderEntries: canonicalEntryOrder(registry, ref) });
  if (markdown) {
    // The padded front matter begins with spaces standing for the opening `---`.
    yaml = `---\n${yaml.replace(/^\s*\n/, '')}---\n${read.body ?? ''}`;
  }
  const original = Buffer.from(bytes).toString('utf8');
  return { output: yaml, changed: yaml !== original, diagnostics: read.diagnostics };
}
