import type { ObjectReader, TreeEntry } from '../git/objects.ts';
import {
  CONTENT_DIR,
  MAX_RECORD_DEPTH,
  RECORD_MARKDOWN,
  RECORD_YAML,
  joinPath,
} from '../records/layout.ts';

/**
 * Record folders in git trees: which ones differ between two commits. Only trees whose oids
 * differ are opened, so a commit that touches one record costs a handful of tree reads however
 * large the archive is.
 */
export interface RecordFolder {
  /** Relative to the repository root, e.g. `content/cms/higgs-tautau-2016`. */
  dir: string;
  /** The folder's tree oid. */
  tree: string;
  /** The metadata file's name and blob oid. */
  metadata: { name: string; oid: string };
}

export interface FolderChange {
  dir: string;
  before?: RecordFolder;
  after?: RecordFolder;
}

/** The record folders that differ between two root trees (`prefix` is the archive's path). */
export async function changedRecordFolders(
  objects: ObjectReader,
  beforeRoot: string | undefined,
  afterRoot: string | undefined,
  prefix: string,
): Promise<FolderChange[]> {
  const contentPath = joinPath(prefix.replace(/\/$/, ''), CONTENT_DIR);
  const before = beforeRoot ? await objects.entryAt(beforeRoot, contentPath) : undefined;
  const after = afterRoot ? await objects.entryAt(afterRoot, contentPath) : undefined;
  const out: FolderChange[] = [];
  await diffCollections(objects, contentPath, treeOid(before), treeOid(after), out);
  return out;
}

function treeOid(entry: TreeEntry | undefined): string | undefined {
  return entry?.type === 'tree' ? entry.oid : undefined;
}

async function diffCollections(
  objects: ObjectReader,
  dir: string,
  before: string | undefined,
  after: string | undefined,
  out: FolderChange[],
): Promise<void> {
  if (before === after) return;
  const [a, b] = await Promise.all([entries(objects, before), entries(objects, after)]);
  for (const name of unionOfSubtrees(a, b)) {
    await diffBelow(objects, `${dir}/${name}`, treeOid(a.get(name)), treeOid(b.get(name)), 1, out);
  }
}

/** Walks a collection's folders down to MAX_RECORD_DEPTH, reporting record folders that differ. */
async function diffBelow(
  objects: ObjectReader,
  dir: string,
  before: string | undefined,
  after: string | undefined,
  depth: number,
  out: FolderChange[],
): Promise<void> {
  if (before === after || depth > MAX_RECORD_DEPTH + 1) return;
  const [a, b] = await Promise.all([entries(objects, before), entries(objects, after)]);
  // depth 1 is the collection folder itself, which holds collection.yaml, never a record.
  const beforeFolder = depth > 1 && before ? recordFolder(dir, before, a) : undefined;
  const afterFolder = depth > 1 && after ? recordFolder(dir, after, b) : undefined;
  if (beforeFolder || afterFolder) {
    const change: FolderChange = { dir };
    if (beforeFolder) change.before = beforeFolder;
    if (afterFolder) change.after = afterFolder;
    out.push(change);
    // A folder that stopped (or started) being a record may have had records below it.
    if (!beforeFolder) await diffBelow(objects, dir, before, undefined, depth, out);
    if (!afterFolder) await diffBelow(objects, dir, undefined, after, depth, out);
    return;
  }
  if (depth > MAX_RECORD_DEPTH) return;
  for (const name of unionOfSubtrees(a, b)) {
    await diffBelow(
      objects,
      `${dir}/${name}`,
      treeOid(a.get(name)),
      treeOid(b.get(name)),
      depth + 1,
      out,
    );
  }
}

async function entries(
  objects: ObjectReader,
  oid: string | undefined,
): Promise<Map<string, TreeEntry>> {
  return oid ? objects.tree(oid) : new Map();
}

function unionOfSubtrees(a: Map<string, TreeEntry>, b: Map<string, TreeEntry>): string[] {
  const names = new Set<string>();
  for (const [name, entry] of a)
    if (entry.type === 'tree' && !name.startsWith('.')) names.add(name);
  for (const [name, entry] of b)
    if (entry.type === 'tree' && !name.startsWith('.')) names.add(name);
  return [...names].sort();
}

function recordFolder(
  dir: string,
  tree: string,
  children: Map<string, TreeEntry>,
): RecordFolder | undefined {
  // record.yaml wins when both exist, as in the record store.
  const metadata = children.get(RECORD_YAML) ?? children.get(RECORD_MARKDOWN);
  if (metadata?.type !== 'blob') return undefined;
  return { dir, tree, metadata: { name: metadata.name, oid: metadata.oid } };
}
