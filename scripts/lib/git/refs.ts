import git from 'isomorphic-git';
import type { Repository } from './repository.ts';

/** A revision name that does not name a commit in the repository. */
export class UnknownRevisionError extends Error {
  readonly revision: string;
  constructor(revision: string, detail: string) {
    super(`\`${revision}\` names no commit in this repository: ${detail}`);
    this.revision = revision;
  }
}

/**
 * The commit a revision names, as git understands the common forms: a branch, tag or remote
 * branch (`main`, `v1.0`, `origin/main`, `refs/heads/main`), `HEAD`, a full or abbreviated
 * commit id, each optionally followed by `~N` and `^N` steps (`HEAD~2`, `main^2`).
 */
export async function resolveCommit(repository: Repository, revision: string): Promise<string> {
  const match = /^(.*?)((?:[~^][0-9]*)*)$/.exec(revision.trim());
  const base = match?.[1] ?? '';
  if (base === '') throw new UnknownRevisionError(revision, 'it is empty.');
  let oid = await peel(repository, await resolveBase(repository, base, revision), revision);
  for (const step of (match?.[2] ?? '').match(/[~^][0-9]*/g) ?? []) {
    const count = step.length > 1 ? Number(step.slice(1)) : 1;
    if (step[0] === '~') {
      for (let i = 0; i < count; i++) oid = await parentOf(repository, oid, 0, revision);
    } else if (count > 0) {
      oid = await parentOf(repository, oid, count - 1, revision);
    }
  }
  return oid;
}

async function resolveBase(
  repository: Repository,
  base: string,
  revision: string,
): Promise<string> {
  const { fs, gitdir } = repository;
  try {
    return await git.resolveRef({ fs, gitdir, ref: base });
  } catch {
    // not a ref name: perhaps a commit id
  }
  if (/^[0-9a-f]{4,40}$/i.test(base)) {
    try {
      return await git.expandOid({ fs, gitdir, oid: base.toLowerCase(), cache: repository.cache });
    } catch {
      // fall through to the error below
    }
  }
  throw new UnknownRevisionError(
    revision,
    'no branch, tag or commit has that name (in CI, fetch it first: `git fetch origin <branch>`, or check out with full history).',
  );
}

/** Follows annotated tags to the commit they name. */
async function peel(repository: Repository, oid: string, revision: string): Promise<string> {
  const { fs, gitdir, cache } = repository;
  for (let depth = 0; depth < 10; depth++) {
    const object = await git.readObject({ fs, gitdir, oid, cache, format: 'parsed' });
    if (object.type === 'commit') return oid;
    if (object.type !== 'tag')
      throw new UnknownRevisionError(revision, `it names a ${object.type}, not a commit.`);
    oid = (object.object as { object: string }).object;
  }
  throw new UnknownRevisionError(revision, 'its tags nest too deeply.');
}

async function parentOf(
  repository: Repository,
  oid: string,
  index: number,
  revision: string,
): Promise<string> {
  const { fs, gitdir, cache } = repository;
  const { commit } = await git.readCommit({ fs, gitdir, oid, cache });
  const parent = commit.parent[index];
  if (!parent)
    throw new UnknownRevisionError(
      revision,
      `commit ${oid.slice(0, 7)} has ${commit.parent.length === 0 ? 'no parent' : `only ${commit.parent.length} parent(s)`}.`,
    );
  return parent;
}
