import type { ObjectReader } from '../git/objects.ts';
import type { GraphCommit } from './commit-graph.ts';
import type { FolderChange } from './record-folders.ts';
import type { Revision } from './types.ts';

/**
 * Which record each folder holds, per commit. A commit starts from its first parent's map —
 * taken over when it is the last child to need it (a linear history copies nothing), copied at
 * a branch point — and a map is dropped once every child has been processed, so only the maps
 * of commits with children still to come are held.
 */

/** A record's line of descent, from its creation through edits and moves. */
export interface Lineage {
  revisions: Revision[];
}

/** Which record a folder holds in a given commit, and the revision that made it so. */
export interface Slot {
  lineage: Lineage;
  revision: number;
}

export type FolderMap = Map<string, Slot>;

/**
 * The folder map a commit starts from: its first parent's, taken over when this is the last
 * child to need it (the common case of a linear history), copied otherwise.
 */
export function takeMap(
  maps: Map<string, FolderMap>,
  childrenLeft: Map<string, number>,
  parent: string | undefined,
): FolderMap {
  if (!parent) return new Map();
  const map = maps.get(parent) ?? new Map<string, Slot>();
  if ((childrenLeft.get(parent) ?? 0) <= 1) {
    maps.delete(parent);
    return map;
  }
  return new Map(map);
}

export function releaseParent(
  maps: Map<string, FolderMap>,
  childrenLeft: Map<string, number>,
  parent: string,
): void {
  const left = (childrenLeft.get(parent) ?? 1) - 1;
  childrenLeft.set(parent, left);
  if (left <= 0) maps.delete(parent);
}

/**
 * In a merge, a folder that is the same as in one of the other parents (or absent from both)
 * was changed on that branch: its record and revision come from there.
 */
export async function inheritedFrom(
  objects: ObjectReader,
  change: FolderChange,
  otherParents: readonly string[],
  byOid: Map<string, GraphCommit>,
  maps: Map<string, FolderMap>,
): Promise<{ slot: Slot | undefined } | undefined> {
  for (const parent of otherParents) {
    const tree = byOid.get(parent)?.tree;
    if (!tree) continue;
    const entry = await objects.entryAt(tree, change.dir);
    const there = entry?.type === 'tree' ? entry.oid : undefined;
    if (there === change.after?.tree) {
      const slot = maps.get(parent)?.get(change.dir);
      if (change.after && !slot) continue;
      return { slot };
    }
  }
  return undefined;
}
