import { canonicalInsertPosition } from '../format/canonical-order.ts';
import { readMarkdownMetadata, readYamlMetadata } from '../records/read-metadata.ts';
import type { SchemaRegistry } from '../schemas/registry.ts';
import { emitYaml, setIn, toNode } from '../yaml/index.ts';
import type { SeqNode } from '../yaml/index.ts';
import type { OpendataReference } from './opendata.ts';

/**
 * Adds references to a record's `datasets`, `code` and `links` as a minimal diff: new entries
 * go at the end of an existing list (or the list is created where the schema's key order puts
 * it); every other line, comment and spelling stays. A reference the record already has (same
 * Open Data record id, DOI or URL) is skipped.
 */
export interface MergeResult {
  text: string;
  added: OpendataReference[];
  skipped: OpendataReference[];
}

type Entry = { [key: string]: unknown };

function sameEntry(a: Entry, b: Entry): boolean {
  const keys = ['opendata_recid', 'doi', 'url', 'uri'] as const;
  return keys.some((key) => a[key] !== undefined && a[key] === b[key]);
}

export function mergeReferences(
  file: string,
  bytes: Uint8Array,
  references: readonly OpendataReference[],
  registry: SchemaRegistry,
): MergeResult {
  const markdown = file.endsWith('.md');
  const read = markdown
    ? readMarkdownMetadata(file, bytes, { trivia: true })
    : readYamlMetadata(file, bytes, { trivia: true });
  const document = read.file?.document;
  if (!read.data || !document || read.diagnostics.some((d) => d.severity === 'error'))
    throw new Error(`${file} cannot be read safely; run \`capsule validate\` on it first.`);
  const schema = typeof read.data.$schema === 'string' ? read.data.$schema : undefined;
  const position = canonicalInsertPosition(registry, schema);
  const added: OpendataReference[] = [];
  const skipped: OpendataReference[] = [];
  const current = { ...read.data } as { [key: string]: unknown };
  for (const reference of references) {
    const entries: Array<['datasets' | 'code' | 'links', Entry]> = [
      [reference.target, reference.entry as Entry],
    ];
    if (reference.link) entries.push(['links', reference.link as Entry]);
    let any = false;
    for (const [target, entry] of entries) {
      const existing = Array.isArray(current[target]) ? (current[target] as Entry[]) : [];
      if (existing.some((item) => sameEntry(item, entry))) continue;
      any = true;
      current[target] = [...existing, entry];
      const root = document.root;
      const node =
        root?.kind === 'map' ? root.entries.find((e) => e.key.value === target)?.value : undefined;
      if (node?.kind === 'seq' && !node.flow)
        (node as SeqNode).items.push({ value: toNode(entry), trivia: { leading: [] } });
      else setIn(document, [target], current[target], position);
    }
    (any ? added : skipped).push(reference);
  }
  let text = emitYaml(document);
  if (markdown) text = `---\n${text.replace(/^\s*\n/, '')}---\n${read.body ?? ''}`;
  return { text, added, skipped };
}
