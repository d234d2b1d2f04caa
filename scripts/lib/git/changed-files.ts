import git from 'isomorphic-git';
import { ObjectReader } from './objects.ts';
import { resolveCommit } from './refs.ts';
import { UNSHALLOW_HINT, shallowBoundary } from './repository.ts';
import type { Repository } from './repository.ts';
import { diffTrees } from './tree-diff.ts';

/**
 * The files that differ between a revision and the working tree, as `git diff <revision>...`
 * plus what is not committed yet: the committed changes since the branch left `revision` (their
 * merge base, so commits that landed on `revision` meanwhile do not count), then staged,
 * unstaged and untracked files (not ignored ones). Paths are relative to the archive root.
 */
export interface ChangedFiles {
  /** The commit the changes are counted from. */
  base: string;
  /** The commit `revision` named. */
  target: string;
  files: string[];
}

export async function changedSince(
  repository: Repository,
  revision: string,
): Promise<ChangedFiles> {
  const target = await resolveCommit(repository, revision);
  const head = await resolveCommit(repository, 'HEAD');
  const { fs, gitdir, dir, prefix } = repository;
  const cache = {};
  const shallow = shallowBoundary(repository).length > 0;
  let bases: string[];
  try {
    bases = (await git.findMergeBase({ fs, gitdir, oids: [target, head], cache })) as string[];
  } catch (error) {
    if (!shallow) throw error;
    bases = [];
  }
  // Without the merge base, a shallow clone would count every change on both sides.
  if (bases.length === 0 && shallow) throw new ShallowHistoryError(revision);
  const base = bases[0] ?? target;

  const files = new Set<string>();
  const objects = new ObjectReader(repository);
  try {
    const treeAt = async (commit: string) => {
      const { tree } = await objects.commit(commit);
      const entry = prefix ? await objects.entryAt(tree, prefix.replace(/\/$/, '')) : undefined;
      return prefix ? (entry?.type === 'tree' ? entry.oid : undefined) : tree;
    };
    for (const change of await diffTrees(objects, await treeAt(base), await treeAt(head)))
      files.add(change.path);
  } finally {
    objects.close();
  }

  const rows = await git.statusMatrix({
    fs,
    dir,
    gitdir,
    cache,
    ...(prefix ? { filepaths: [prefix.replace(/\/$/, '')] } : {}),
  });
  for (const [file, inHead, inWorkdir, inStage] of rows) {
    if (inHead === 1 && inWorkdir === 1 && inStage === 1) continue;
    files.add(prefix ? file.slice(prefix.length) : file);
  }
  return { base, target, files: [...files].sort() };
}

/** The clone is too shallow to find where the branch left the revision. */
export class ShallowHistoryError extends Error {
  constructor(revision: string) {
    super(
      `This is a shallow clone: the commit where this branch left \`${revision}\` is not in it, so the changes cannot be told apart. ${UNSHALLOW_HINT}`,
    );
  }
}
