import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import type { PromiseFsClient } from 'isomorphic-git';
import { createGitFs } from './git-fs.ts';

/**
 * Where a git repository's files are, for isomorphic-git: the working tree, its git directory
 * and, for a linked worktree, the common directory with the objects (see git-fs.ts).
 */
export interface Repository {
  /** The working tree. */
  dir: string;
  /** The git directory of this working tree (HEAD, index). */
  gitdir: string;
  /** The directory with objects, refs and config: `gitdir` except in a linked worktree. */
  commondir: string;
  /** The archive root's path inside the working tree, `''` or ending in `/`. */
  prefix: string;
  /** The file system to hand to isomorphic-git. */
  fs: PromiseFsClient;
  /** isomorphic-git's cache object: packfile indexes are parsed once per repository. */
  cache: object;
}

/**
 * Opens the repository that holds `archiveRoot` (found by walking up to the nearest `.git`), or
 * returns undefined when there is none.
 */
export function openRepository(archiveRoot: string): Repository | undefined {
  for (let dir = path.resolve(archiveRoot); ; dir = path.dirname(dir)) {
    const dotgit = path.join(dir, '.git');
    let stat: nodeFs.Stats | undefined;
    try {
      stat = nodeFs.statSync(dotgit);
    } catch {
      stat = undefined;
    }
    if (stat) {
      const gitdir = stat.isDirectory() ? dotgit : readGitdirFile(dotgit);
      const commondir = readCommondir(gitdir);
      const relative = path.relative(dir, path.resolve(archiveRoot)).split(path.sep).join('/');
      return {
        dir,
        gitdir,
        commondir,
        prefix: relative === '' ? '' : `${relative}/`,
        fs: createGitFs(gitdir, commondir),
        cache: {},
      };
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

function readGitdirFile(dotgit: string): string {
  const text = nodeFs.readFileSync(dotgit, 'utf8').trim();
  const match = /^gitdir:\s*(.+)$/m.exec(text);
  if (!match?.[1]) throw new Error(`${dotgit} is neither a git directory nor a "gitdir:" file.`);
  return path.resolve(path.dirname(dotgit), match[1].trim());
}

function readCommondir(gitdir: string): string {
  try {
    const named = nodeFs.readFileSync(path.join(gitdir, 'commondir'), 'utf8').trim();
    return path.resolve(gitdir, named);
  } catch {
    return gitdir;
  }
}

/**
 * The commits a shallow clone was cut at (`.git/shallow`): their parents are not in the
 * repository, so history before them is missing. Empty for a complete clone.
 */
export function shallowBoundary(repository: Repository): string[] {
  try {
    return nodeFs
      .readFileSync(path.join(repository.commondir, 'shallow'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => /^[0-9a-f]{40}$/.test(line));
  } catch {
    return [];
  }
}

/** What to tell someone whose clone is shallow. */
export const UNSHALLOW_HINT =
  'Fetch the whole history: run `git fetch --unshallow`; in GitHub Actions set `fetch-depth: 0` on actions/checkout, in GitLab CI set the variable `GIT_DEPTH: 0`.';
