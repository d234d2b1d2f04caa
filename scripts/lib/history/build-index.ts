import { ObjectReader } from '../git/objects.ts';
import { resolveCommit } from '../git/refs.ts';
import { shallowBoundary } from '../git/repository.ts';
import type { Repository } from '../git/repository.ts';
import { CONTENT_DIR } from '../records/layout.ts';
import { commitsInOrder } from './commit-graph.ts';
import type { GraphCommit } from './commit-graph.ts';
import { commitSummary } from './commit-summary.ts';
import { diffValues } from './field-diff.ts';
import type { FieldChange } from './field-diff.ts';
import { readRecordState } from './read-record.ts';
import type { RecordState } from './read-record.ts';
import { diffTrees } from '../git/tree-diff.ts';
import { changedRecordFolders } from './record-folders.ts';
import type { FolderChange, RecordFolder } from './record-folders.ts';
import { inheritedFrom, releaseParent, takeMap } from './folder-maps.ts';
import type { FolderMap, Lineage, Slot } from './folder-maps.ts';
import { detectMoves } from './renames.ts';
import type { HistoryIndex, RecordHistory, Revision, RevisionKind } from './types.ts';
import type { UnknownMap } from '../records/types.ts';
import { LruMap } from '../util/lru-map.ts';

/**
 * The history index: ONE walk over the commit graph, parents before children. Each commit is
 * compared with its first parent, opening only the trees that differ, which yields the record
 * folders it changed; each change becomes a revision of the record it belongs to. Records keep
 * their identity through moves (see renames.ts) and merges: a merge adds a revision only where it
 * differs from every parent (a conflict resolved by hand), otherwise the record's history comes
 * from the branch that changed it.
 */
/** Bumped whenever the index built from the same commits changes: cached indexes are rebuilt. */
export const INDEX_GENERATION = 1;

export interface BuildOptions {
  /** The commit whose history to index (default HEAD). */
  ref?: string;
  onProgress?: (phase: 'reading commits' | 'indexing', done: number, total: number) => void;
}

/** Parsed versions kept for the next revision's "before" (a record is often edited again soon). */
const PARSED_CACHE = 2048;

export async function buildHistoryIndex(
  repository: Repository,
  options: BuildOptions = {},
): Promise<HistoryIndex> {
  const objects = new ObjectReader(repository);
  try {
    return await buildWith(objects, repository, options);
  } finally {
    objects.close();
  }
}

async function buildWith(
  objects: ObjectReader,
  repository: Repository,
  options: BuildOptions,
): Promise<HistoryIndex> {
  const ref = options.ref ?? 'HEAD';
  const head = await resolveCommit(repository, ref);
  const boundary = shallowBoundary(repository);
  const commits = await commitsInOrder(objects, head, new Set(boundary), (read) =>
    options.onProgress?.('reading commits', read, read),
  );
  const byOid = new Map(commits.map((commit) => [commit.oid, commit]));
  const childrenLeft = new Map<string, number>();
  for (const commit of commits)
    for (const parent of commit.parents)
      childrenLeft.set(parent, (childrenLeft.get(parent) ?? 0) + 1);

  const contentPrefix = `${repository.prefix}${CONTENT_DIR}/`;
  const idOf = (dir: string) => dir.slice(contentPrefix.length);
  const lineages: Lineage[] = [];
  const maps = new Map<string, FolderMap>();
  const used = new Set<string>();
  const text = async (oid: string) => (await objects.blob(oid)).toString('utf8');
  const parsed = new LruMap<string, RecordState>(PARSED_CACHE);
  const readState = async (file: string, blob: string): Promise<RecordState> => {
    let state = parsed.get(blob);
    if (!state) {
      state = readRecordState(file, await objects.blob(blob));
      parsed.set(blob, state);
    }
    return state;
  };

  /** The record as it was after revision `index` (or the last readable version before it). */
  const dataAt = async (lineage: Lineage, index: number): Promise<UnknownMap | undefined> => {
    for (let at: number | undefined = index; at !== undefined;) {
      const revision = lineage.revisions[at] as Revision;
      if (revision.kind === 'deleted') return undefined;
      if (revision.blob && !revision.unreadable) {
        const state = await readState(revision.file, revision.blob);
        if (state.readable) return state.data;
      }
      at = revision.base ?? (at > 0 ? at - 1 : undefined);
    }
    return undefined;
  };

  const addRevision = async (
    commit: GraphCommit,
    kind: RevisionKind,
    from: Slot | undefined,
    before: RecordFolder | undefined,
    after: RecordFolder | undefined,
  ): Promise<Slot> => {
    const lineage: Lineage = from?.lineage ?? { revisions: [] };
    if (!from) lineages.push(lineage);
    const folder = (after ?? before) as RecordFolder;
    const file = `${folder.dir}/${folder.metadata.name}`;
    // A creation's content is its blob (see recordAt); only a change needs both versions parsed.
    const compare = after !== undefined && from !== undefined && kind !== 'created';
    const state = compare ? await readState(file, after.metadata.oid) : undefined;
    let changes: FieldChange[] = [];
    if (state?.readable)
      changes = diffValues(await dataAt(lineage, from?.revision ?? 0), state.data);
    const revision: Revision = {
      commit: commit.oid,
      kind,
      id: idOf(folder.dir),
      file,
      changes,
      files: await diffTrees(objects, before?.tree, after?.tree),
    };
    if (after) revision.blob = after.metadata.oid;
    if (kind === 'moved' && before) revision.previousId = idOf(before.dir);
    if (from && from.revision !== lineage.revisions.length - 1) revision.base = from.revision;
    if (state && !state.readable) revision.unreadable = state.problem;
    if (commit.truncated && kind === 'created') revision.truncated = true;
    lineage.revisions.push(revision);
    used.add(commit.oid);
    return { lineage, revision: lineage.revisions.length - 1 };
  };

  let done = 0;
  for (const commit of commits) {
    const [firstParent, ...otherParents] = commit.parents;
    const folders = takeMap(maps, childrenLeft, firstParent);
    const parentTree = firstParent ? byOid.get(firstParent)?.tree : undefined;
    const changes = await changedRecordFolders(objects, parentTree, commit.tree, repository.prefix);
    const own: FolderChange[] = [];
    for (const change of changes) {
      const inherited = await inheritedFrom(objects, change, otherParents, byOid, maps);
      if (!inherited) {
        own.push(change);
      } else if (change.after && inherited.slot) {
        folders.set(change.dir, inherited.slot);
      } else {
        folders.delete(change.dir);
      }
    }

    const vanished = own.filter((c) => c.before && !c.after).map((c) => c.before as RecordFolder);
    const appeared = own.filter((c) => c.after && !c.before).map((c) => c.after as RecordFolder);
    const moves = await detectMoves(vanished, appeared, text);
    const moved = new Set(moves.flatMap((move) => [move.from.dir, move.to.dir]));
    const updates: Array<[string, Slot | undefined]> = [];
    for (const change of own) {
      if (moved.has(change.dir)) continue;
      const from = folders.get(change.dir);
      if (change.before && change.after) {
        updates.push([
          change.dir,
          await addRevision(commit, 'modified', from, change.before, change.after),
        ]);
      } else if (change.before) {
        if (from) await addRevision(commit, 'deleted', from, change.before, undefined);
        updates.push([change.dir, undefined]);
      } else {
        updates.push([
          change.dir,
          await addRevision(commit, 'created', undefined, undefined, change.after),
        ]);
      }
    }
    for (const move of moves) {
      const from = folders.get(move.from.dir);
      updates.push([move.from.dir, undefined]);
      const kind = from ? 'moved' : 'created';
      updates.push([move.to.dir, await addRevision(commit, kind, from, move.from, move.to)]);
    }
    // Deletions first, so a folder vacated and refilled in one commit ends up with its new record.
    for (const [dir, slot] of updates) if (!slot) folders.delete(dir);
    for (const [dir, slot] of updates) if (slot) folders.set(dir, slot);

    maps.set(commit.oid, folders);
    for (const parent of commit.parents) releaseParent(maps, childrenLeft, parent);
    options.onProgress?.('indexing', ++done, commits.length);
  }

  const headFolders = maps.get(head) ?? new Map<string, Slot>();
  const records: { [id: string]: RecordHistory } = {};
  const current = new Set<Lineage>();
  for (const [dir, slot] of [...headFolders].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    records[idOf(dir)] = { id: idOf(dir), revisions: slot.lineage.revisions };
    current.add(slot.lineage);
  }
  const removed = lineages
    .filter((lineage) => !current.has(lineage) && lineage.revisions.length > 0)
    .map((lineage): RecordHistory => {
      const last = lineage.revisions[lineage.revisions.length - 1] as Revision;
      return { id: last.id, revisions: lineage.revisions };
    });
  const summaries: HistoryIndex['commits'] = {};
  for (const commit of commits)
    if (used.has(commit.oid)) summaries[commit.oid] = commitSummary(commit);
  return {
    format: 1,
    head: { commit: head, ref },
    prefix: repository.prefix,
    complete: boundary.length === 0,
    shallowBoundary: boundary,
    commits: summaries,
    records,
    removed,
  };
}
