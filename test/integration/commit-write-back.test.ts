import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADA, makeGitArchive } from '../helpers/git-repo.ts';
import type { GitArchive } from '../helpers/git-repo.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { recordYaml } from '../helpers/temp-archive.ts';

/** The CI step after `capsule mint`: commit the write-back and push it, also past a moved branch. */
let repo: GitArchive | undefined;
let parent: string | undefined;
afterEach(async () => {
  await repo?.cleanup();
  if (parent) await rm(parent, { recursive: true, force: true });
  repo = parent = undefined;
});

const gitEnv = { PATH: process.env.PATH, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };

function run(cwd: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(REPO_ROOT, 'scripts/ci/commit-write-back.ts')],
      {
        cwd,
        env: { ...gitEnv, GITHUB_ACTIONS: 'true', GITHUB_REF_NAME: 'main' },
      },
    );
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('close', (code) => resolve({ code: code ?? -1, out }));
  });
}

const git = (cwd: string, ...args: string[]) =>
  spawnSync('git', args, { cwd, encoding: 'utf8', env: gitEnv }).stdout.trim();

describe('the write-back commit', () => {
  it('commits the minted DOIs and the journal, rebasing onto a branch that moved', async () => {
    const file = 'content/general/top-mass/record.yaml';
    repo = await makeGitArchive({ [file]: recordYaml() });
    repo.commit('Start', ADA, '2024-01-01T00:00:00Z');
    parent = await mkdtemp(path.join(tmpdir(), 'capsule-origin-'));
    const origin = path.join(parent, 'origin.git');
    const ci = path.join(parent, 'ci');
    repo.git(['clone', '--quiet', '--bare', repo.root, origin]);
    repo.git(['clone', '--quiet', origin, ci]);

    expect(await run(ci)).toEqual({ code: 0, out: 'Nothing was written back: no commit.\n' });

    // Someone merges meanwhile; then the mint writes a DOI and its journal.
    repo.git(['remote', 'add', 'origin', origin]);
    await repo.write('content/general/top-mass/README.md', '# Top mass\n');
    repo.commit('Document', ADA, '2024-01-02T00:00:00Z');
    repo.git(['push', '--quiet', 'origin', 'main']);
    await writeFile(path.join(ci, file), recordYaml({ doi: '10.5281/zenodo.123' }));
    await mkdir(path.join(ci, '.capsule'));
    await writeFile(path.join(ci, '.capsule/mint-journal.json'), '{"entries":{}}\n');

    const pushed = await run(ci);
    expect(pushed).toEqual({ code: 0, out: 'Committed and pushed the minted DOIs to main.\n' });
    expect(git(origin, 'log', '--format=%s|%an', 'main')).toBe(
      'chore(publish): record minted DOIs|github-actions[bot]\nDocument|Ada Lovelace\nStart|Ada Lovelace',
    );
    expect(git(origin, 'show', `main:${file}`)).toContain('doi: 10.5281/zenodo.123');
    expect(git(origin, 'show', 'main:.capsule/mint-journal.json')).toBe('{"entries":{}}');
  });
});
