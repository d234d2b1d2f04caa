import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGithubEmulator } from '../../scripts/emulators/github/server.ts';
import type { GithubEmulator } from '../../scripts/emulators/github/server.ts';
import { startGitlabEmulator } from '../../scripts/emulators/gitlab/server.ts';
import type { GitlabEmulator } from '../../scripts/emulators/gitlab/server.ts';
import { makeArchive, recordYaml } from '../helpers/temp-archive.ts';
import type { TempArchive } from '../helpers/temp-archive.ts';
import { runCli } from '../helpers/run-cli.ts';

/**
 * `capsule sync` with the real clients (octokit, @gitbeaker/rest) against the GitHub and GitLab
 * REST emulators on loopback: the latest release's tag and commit land in the record's code
 * entries and nothing else in the file changes.
 */
const sha = (n: number) => ((n % 6) + 10).toString(16).repeat(40);
const FILE = 'content/general/top-mass/record.yaml';
const CODE = `
  # the analysis code
  - url: https://github.com/top-group/mass-fit
    tag: v1.0 # the version of the paper
    commit: ${sha(1)}
    description: The fit.
  - url: https://gitlab.cern.ch/top/ntuples/maker
    description: N-tuple production.
  - url: https://gitlab.cern.ch/top/no-release
  - url: https://bitbucket.org/top/other`;

let github: GithubEmulator;
let gitlab: GitlabEmulator;
let archive: TempArchive | undefined;

beforeEach(async () => {
  github = await startGithubEmulator();
  github.state.addToken('gh-token', { access: 'read' });
  const repository = github.state.addRepository('top-group/mass-fit');
  for (const n of [1, 2, 3])
    github.state.addCommit(
      repository,
      {
        sha: sha(n),
        message: `c${n}`,
        author: { name: 'A', email: 'a@x', date: '2024-01-01T00:00:00Z' },
        parents: n > 1 ? [sha(n - 1)] : [],
      },
      'main',
    );
  repository.tags.push(
    { name: 'v1.0', sha: sha(1) },
    { name: 'v1.1', sha: sha(2) },
    { name: 'v2.0-rc1', sha: sha(3) },
  );
  const release = (id: number, tag: string, prerelease = false) => ({
    id,
    tag_name: tag,
    name: tag,
    body: '',
    draft: false,
    prerelease,
    created_at: '2024-01-01T00:00:00Z',
    published_at: '2024-01-01T00:00:00Z',
  });
  repository.releases.push(release(1, 'v1.0'), release(2, 'v1.1'), release(3, 'v2.0-rc1', true));

  gitlab = await startGitlabEmulator();
  gitlab.state.addToken('gl-token', { access: 'read' });
  const project = gitlab.state.addProject('top/ntuples/maker');
  gitlab.state.addCommit(
    project,
    {
      id: sha(10),
      title: 't',
      message: 't\n',
      author_name: 'A',
      author_email: 'a@x',
      authored_date: '2024-01-01T00:00:00Z',
      committed_date: '2024-01-01T00:00:00Z',
      parent_ids: [],
    },
    'main',
  );
  project.tags.push({ name: 'maker-3.2', target: sha(10), message: null });
  project.releases.push({
    tag_name: 'maker-3.2',
    name: '3.2',
    description: '',
    created_at: '2024-01-01T00:00:00Z',
    released_at: '2024-01-01T00:00:00Z',
    upcoming_release: false,
  });
  gitlab.state.addProject('top/no-release');
});

afterEach(async () => {
  await github.close();
  await gitlab.close();
  await archive?.cleanup();
  archive = undefined;
});

const env = () => ({
  GITHUB_API_URL: github.url,
  GITHUB_TOKEN: 'gh-token',
  CAPSULE_GITLAB_URL: gitlab.url,
  CAPSULE_GITLAB_TOKEN: 'gl-token',
});

describe('capsule sync', () => {
  it('writes the latest release tag and commit, and changes nothing else', async () => {
    const before = `${recordYaml()}code:${CODE}\n`;
    archive = await makeArchive({ [FILE]: before });
    const result = await runCli(['sync'], { cwd: archive.root, env: env() });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        `general/top-mass: code[0] https://github.com/top-group/mass-fit: v1.0 (${sha(1).slice(0, 12)}) → v1.1 (${sha(2).slice(0, 12)})`,
        `general/top-mass: code[1] https://gitlab.cern.ch/top/ntuples/maker: no tag (none) → maker-3.2 (${sha(10).slice(0, 12)})`,
        'general/top-mass: code[2] https://gitlab.cern.ch/top/no-release: left as it is (no published release)',
        'general/top-mass: code[3] https://bitbucket.org/top/other: left as it is (not a GitHub or GitLab repository)',
        '1 record updated; commit them on a branch and open a pull request.',
        '',
      ].join('\n'),
    );
    expect(result.code).toBe(0);
    const after = await readFile(path.join(archive.root, FILE), 'utf8');
    expect(after).toBe(
      before
        .replace('tag: v1.0 # the version', 'tag: v1.1 # the version')
        .replace(`commit: ${sha(1)}`, `commit: ${sha(2)}`)
        .replace(
          '  - url: https://gitlab.cern.ch/top/ntuples/maker\n',
          `  - url: https://gitlab.cern.ch/top/ntuples/maker\n    tag: maker-3.2\n    commit: ${sha(10)}\n`,
        ),
    );
    const again = await runCli(['sync', 'general/top-mass'], { cwd: archive.root, env: env() });
    expect(again.stdout).toContain('Every linked repository is at its latest release.');
    expect(await readFile(path.join(archive.root, FILE), 'utf8')).toBe(after);
    expect((await runCli(['validate'], { cwd: archive.root })).code).toBe(0);
  });

  it('writes nothing with --dry-run', async () => {
    const before = `${recordYaml()}code:${CODE}\n`;
    archive = await makeArchive({ [FILE]: before });
    const result = await runCli(['sync', '--dry-run'], { cwd: archive.root, env: env() });
    expect(result.stdout).toContain('1 record would change; run without --dry-run to write them.');
    expect(await readFile(path.join(archive.root, FILE), 'utf8')).toBe(before);
  });

  it('retries a forge error and reports one it cannot get past, with exit code 1', async () => {
    archive = await makeArchive({ [FILE]: `${recordYaml()}code:${CODE}\n` });
    await fetch(`${github.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        method: 'GET',
        path: '/repos/top-group/mass-fit/releases/latest',
        status: 503,
        retryAfter: 0,
      }),
    });
    await fetch(`${gitlab.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        method: 'GET',
        path: '/api/v4/projects/top%2Fntuples%2Fmaker/releases',
        status: 403,
        times: Infinity,
      }),
    });
    const result = await runCli(['sync'], { cwd: archive.root, env: env() });
    expect(result.stdout).toContain('code[0] https://github.com/top-group/mass-fit: v1.0');
    expect(result.stderr).toMatch(/GET .*releases\/latest: .*503.*retry 1/);
    expect(result.stderr).toContain(
      'general/top-mass: code[1] https://gitlab.cern.ch/top/ntuples/maker: could not ask the forge:',
    );
    expect(result.code).toBe(1);
  });
});
