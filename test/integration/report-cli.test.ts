import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGithubEmulator } from '../../scripts/emulators/github/server.ts';
import type { GithubEmulator } from '../../scripts/emulators/github/server.ts';
import { startGitlabEmulator } from '../../scripts/emulators/gitlab/server.ts';
import type { GitlabEmulator } from '../../scripts/emulators/gitlab/server.ts';
import { runCli } from '../helpers/run-cli.ts';
import { validationReport } from '../helpers/validation-report.ts';

/** `capsule report` as CI runs it: a child process, settings from the environment. */
let dir: string;
let github: GithubEmulator;
let gitlab: GitlabEmulator;
const SHA = 'a'.repeat(40);
const clean = {
  GITHUB_TOKEN: '',
  GH_TOKEN: '',
  GITHUB_EVENT_PATH: '',
  CAPSULE_GITLAB_TOKEN: '',
  GITLAB_TOKEN: '',
};

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'capsule-report-'));
  await writeFile(path.join(dir, 'report.json'), JSON.stringify(validationReport(2)));
  github = await startGithubEmulator();
  gitlab = await startGitlabEmulator();
});
afterEach(async () => {
  await github.close();
  await gitlab.close();
  await rm(dir, { recursive: true, force: true });
});

async function githubSetup() {
  github.state.addToken('token');
  const repository = github.state.addRepository('org/archive');
  github.state.addPull(repository, {
    number: 4,
    headSha: SHA,
    headRef: 'new-record',
    headRepository: 'contributor/archive',
    files: [{ filename: 'content/cms/x/record.yaml', status: 'added' }],
  });
  await writeFile(
    path.join(dir, 'event.json'),
    JSON.stringify({
      workflow_run: {
        id: 77,
        run_attempt: 1,
        event: 'pull_request',
        head_sha: SHA,
        head_branch: 'new-record',
        html_url: 'https://github.example/org/archive/actions/runs/77',
        head_repository: { full_name: 'contributor/archive', owner: { login: 'contributor' } },
        pull_requests: [],
      },
    }),
  );
  return {
    ...clean,
    GITHUB_TOKEN: 'token',
    GITHUB_REPOSITORY: 'org/archive',
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_EVENT_PATH: path.join(dir, 'event.json'),
  };
}

describe('capsule report github', () => {
  it('reports on the pull request of the workflow run, and says what it did', async () => {
    const env = await githubSetup();
    const result = await runCli(['report', 'github', '--report', 'report.json'], { cwd: dir, env });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(
      /^✔ comment: created https:\/\/github\.example\/org\/archive\/pull\/4#issuecomment-\d+\n/,
    );
    expect(result.stdout).toContain('✔ check run: 2 annotations in 1 requests');
    expect(result.stdout).toContain('✔ labels: added collection:cms');
    expect(result.code).toBe(0);
    const run = [...(github.state.repository('org', 'archive')?.checkRuns.values() ?? [])][0];
    expect(run).toMatchObject({
      external_id: 'capsule-77-1',
      details_url: 'https://github.example/org/archive/actions/runs/77',
    });
  });

  it('exits 1 when a step fails for good, and says which', async () => {
    const env = await githubSetup();
    github.faults.add({ method: 'POST', path: /\/labels$/, status: 502, times: Infinity });
    const result = await runCli(['report', 'github', '--report', 'report.json'], { cwd: dir, env });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✖ labels: HTTP 502');
    expect(result.stderr).toContain('capsule report: 1 of 3 steps failed: labels.');
  });

  it('refuses a report that is not what validate writes, and runs without a token', async () => {
    const env = await githubSetup();
    await writeFile(
      path.join(dir, 'bad.json'),
      JSON.stringify({
        ...validationReport(1),
        diagnostics: [{ ...validationReport(1).diagnostics[0], file: '../../etc/passwd' }],
      }),
    );
    const bad = await runCli(['report', 'github', '--report', 'bad.json'], { cwd: dir, env });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('diagnostics[0].file is not a path inside the repository');
    expect(github.requests).toEqual([]);

    const noToken = await runCli(['report', 'github', '--report', 'report.json'], {
      cwd: dir,
      env: { ...env, GITHUB_TOKEN: '' },
    });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('Set GITHUB_TOKEN or GH_TOKEN in the environment.');
  });

  it('posts nothing when the pull request has moved on', async () => {
    const env = await githubSetup();
    const pull = github.state.repository('org', 'archive')?.pulls.get(4);
    if (pull) pull.head.sha = 'b'.repeat(40);
    const result = await runCli(['report', 'github', '--report', 'report.json'], { cwd: dir, env });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `Nothing to report on: no open pull request has ${'a'.repeat(10)} as its head any more.\n`,
    );
  });
});

describe('capsule report gitlab and markdown', () => {
  it('writes the merge request note from CI variables', async () => {
    gitlab.state.addToken('glpat');
    const project = gitlab.state.addProject('group/archive');
    gitlab.state.addMergeRequest(project, { iid: 5, sha: SHA });
    const env = {
      ...clean,
      CAPSULE_GITLAB_TOKEN: 'glpat',
      CI_SERVER_URL: gitlab.url,
      CI_PROJECT_ID: String(project.id),
      CI_MERGE_REQUEST_IID: '5',
      CI_COMMIT_SHA: SHA,
    };
    const result = await runCli(['report', 'gitlab', '--report', 'report.json'], { cwd: dir, env });
    expect(result.stdout).toMatch(/^✔ note: created note \d+\n✔ labels: up to date\n$/);
    expect(result.code).toBe(0);
    expect(project.notes.get(5)).toHaveLength(1);

    const notMr = await runCli(['report', 'gitlab', '--report', 'report.json'], {
      cwd: dir,
      env: { ...env, CI_MERGE_REQUEST_IID: '' },
    });
    expect(notMr.stdout).toBe(
      'Nothing to report on: this is not a merge request pipeline (no CI_MERGE_REQUEST_IID).\n',
    );
  });

  it('writes the report as Markdown for a job summary', async () => {
    const result = await runCli(
      ['report', 'markdown', '--report', 'report.json', '-o', 'summary.md'],
      {
        cwd: dir,
        env: clean,
      },
    );
    expect(result.code).toBe(0);
    const text = await readFile(path.join(dir, 'summary.md'), 'utf8');
    expect(text).toMatch(/^## ❌ Capsule validation\n/);
    expect(text).not.toContain('<!--');
  });
});
