import { spawnSync } from 'node:child_process';
import { makeArchive } from './temp-archive.ts';
import type { TempArchive } from './temp-archive.ts';

/**
 * A temporary archive that is also a git repository, driven with the real git command line.
 * Every commit has a pinned author and date, and the user's and system's git settings are
 * ignored, so histories are the same on every machine.
 */
export interface Author {
  name: string;
  email: string;
}

export const ADA: Author = { name: 'Ada Lovelace', email: 'ada@example.org' };
export const GRACE: Author = { name: 'Grace Hopper', email: 'grace@example.org' };
export const EMMY: Author = { name: 'Emmy Noether', email: 'emmy@example.org' };

export interface GitArchive extends TempArchive {
  /** Runs git; a failure throws unless `allowFailure` (a merge that stops on a conflict). */
  git(args: string[], options?: { author?: Author; date?: string; allowFailure?: boolean }): string;
  /** Stages everything and commits; returns the new commit's oid. */
  commit(message: string, author: Author, date: string): string;
  remove(file: string): Promise<void>;
}

export async function makeGitArchive(
  files: { [file: string]: string | Uint8Array } = {},
): Promise<GitArchive> {
  const archive = await makeArchive(files);
  const git = (
    args: string[],
    options: { author?: Author; date?: string; allowFailure?: boolean } = {},
  ) => {
    const author = options.author ?? ADA;
    const date = options.date ?? '2024-01-01T12:00:00+01:00';
    const result = spawnSync('git', args, {
      cwd: archive.root,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_AUTHOR_NAME: author.name,
        GIT_AUTHOR_EMAIL: author.email,
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_NAME: author.name,
        GIT_COMMITTER_EMAIL: author.email,
        GIT_COMMITTER_DATE: date,
      },
    });
    if (result.status !== 0 && !options.allowFailure)
      throw new Error(`git ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
    return result.stdout.trim();
  };
  git(['init', '--quiet', '--initial-branch=main']);
  git(['config', 'commit.gpgsign', 'false']);
  return {
    ...archive,
    git,
    commit(message, author, date) {
      git(['add', '--all']);
      git(['commit', '--quiet', '--allow-empty', '-m', message], { author, date });
      return git(['rev-parse', 'HEAD']);
    },
    async remove(file) {
      git(['rm', '-r', '--quiet', file]);
    },
  };
}
