import type { ObjectReader, TreeEntry } from './objects.ts';

/** A file that differs between two trees, by its path relative to them. */
export interface FileChange {
  path: string;
  change: 'added' | 'modified' | 'deleted';
}

/** The files that differ between two versions of a folder, paths relative to it. */
export async function diffTrees(
  objects: ObjectReader,
  before: string | undefined,
  after: string | undefined,
  sub = '',
  out: FileChange[] = [],
): Promise<FileChange[]> {
  if (before === after) return out;
  const [a, b] = await Promise.all([entries(objects, before), entries(objects, after)]);
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  for (const name of names) {
    const path = sub ? `${sub}/${name}` : name;
    const x = a.get(name);
    const y = b.get(name);
    if (x?.oid === y?.oid && x?.type === y?.type) continue;
    const xTree = x?.type === 'tree' ? x.oid : undefined;
    const yTree = y?.type === 'tree' ? y.oid : undefined;
    if (xTree || yTree) await diffTrees(objects, xTree, yTree, path, out);
    const xFile = x && x.type !== 'tree';
    const yFile = y && y.type !== 'tree';
    if (xFile && yFile) out.push({ path, change: 'modified' });
    else if (xFile) out.push({ path, change: 'deleted' });
    else if (yFile) out.push({ path, change: 'added' });
  }
  return out;
}

async function entries(
  objects: ObjectReader,
  oid: string | undefined,
): Promise<Map<string, TreeEntry>> {
  return oid ? objects.tree(oid) : new Map();
}
