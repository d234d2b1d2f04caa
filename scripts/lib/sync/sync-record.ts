import { canonicalInsertPosition } from '../format/canonical-order.ts';
import { readMarkdownMetadata, readYamlMetadata } from '../records/read-metadata.ts';
import type { SchemaRegistry } from '../schemas/registry.ts';
import { isMap } from '../validate/data.ts';
import { emitYaml, setIn } from '../yaml/index.ts';
import type { InsertPosition, YamlDocument } from '../yaml/index.ts';
import type { ReleaseSource } from './releases.ts';
import { repositoryRef } from './repository.ts';
import type { ForgeHosts } from './repository.ts';

/**
 * `capsule sync` for one record: for each code repository on GitHub or GitLab, its latest
 * release tag and that tag's commit, written into the record's `code` entry as a minimal diff
 * (only `tag` and `commit` change; every other line, comment and spelling stays) for the
 * maintainers to propose as a pull request.
 */
export interface CodeUpdate {
  index: number;
  url: string;
  from: { tag?: string; commit?: string };
  to: { tag: string; commit: string };
}

export interface SyncOutcome {
  /** The record's new text; undefined when nothing changes. */
  text: string | undefined;
  updates: CodeUpdate[];
  /** Repositories left as they are, and why. */
  skipped: Array<{ index: number; url: string; reason: string }>;
  /** Repositories the forge could not be asked about (network, permissions, server errors). */
  failed: Array<{ index: number; url: string; reason: string }>;
}

export async function syncRecord(
  file: string,
  bytes: Uint8Array,
  releases: ReleaseSource,
  registry: SchemaRegistry,
  hosts?: ForgeHosts,
): Promise<SyncOutcome> {
  const markdown = file.endsWith('.md');
  const read = markdown
    ? readMarkdownMetadata(file, bytes, { trivia: true })
    : readYamlMetadata(file, bytes, { trivia: true });
  const document = read.file?.document;
  if (!read.data || !document || read.diagnostics.some((d) => d.severity === 'error'))
    throw new Error(`${file} cannot be read safely; run \`capsule validate\` on it first.`);
  const code = Array.isArray(read.data.code) ? read.data.code : [];
  const updates: CodeUpdate[] = [];
  const skipped: SyncOutcome['skipped'] = [];
  const failed: SyncOutcome['failed'] = [];
  for (const [index, entry] of code.entries()) {
    if (!isMap(entry) || typeof entry.url !== 'string') continue;
    const url = entry.url;
    const repository = repositoryRef(url, hosts);
    if (!repository) {
      skipped.push({ index, url, reason: 'not a GitHub or GitLab repository' });
      continue;
    }
    let lookup;
    try {
      lookup = await releases.latest(repository);
    } catch (error) {
      failed.push({ index, url, reason: (error as Error).message });
      continue;
    }
    if (!lookup.found) {
      skipped.push({ index, url, reason: lookup.reason });
      continue;
    }
    const { tag, commit } = lookup.release;
    if (entry.tag === tag && entry.commit === commit) continue;
    const from: CodeUpdate['from'] = {};
    if (typeof entry.tag === 'string') from.tag = entry.tag;
    if (typeof entry.commit === 'string') from.commit = entry.commit;
    updates.push({ index, url, from, to: { tag, commit } });
  }
  if (updates.length === 0) return { text: undefined, updates, skipped, failed };
  const schema = typeof read.data.$schema === 'string' ? read.data.$schema : undefined;
  const position = canonicalInsertPosition(registry, schema);
  for (const update of updates) setInCodeEntry(document, update, position);
  let text = emitYaml(document);
  if (markdown) text = `---\n${text.replace(/^\s*\n/, '')}---\n${read.body ?? ''}`;
  return { text, updates, skipped, failed };
}

/** Sets `tag` and `commit` in one item of the `code` list, keeping the item's other entries. */
function setInCodeEntry(
  document: YamlDocument,
  update: CodeUpdate,
  position: InsertPosition,
): void {
  const root = document.root;
  const list =
    root?.kind === 'map' ? root.entries.find((e) => e.key.value === 'code')?.value : undefined;
  const item = list?.kind === 'seq' ? list.items[update.index]?.value : undefined;
  if (!item || item.kind !== 'map') throw new Error(`code[${update.index}] is not a mapping.`);
  const sub: YamlDocument = {
    source: document.source,
    root: item,
    endComments: [],
    headerComments: [],
  };
  const within: InsertPosition = (path, keys, key) =>
    position(['code', update.index, ...path], keys, key);
  setIn(sub, ['tag'], update.to.tag, within);
  setIn(sub, ['commit'], update.to.commit, within);
}
