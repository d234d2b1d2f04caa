import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGithubEmulator } from '../../../scripts/emulators/github/server.ts';
import type { GithubEmulator } from '../../../scripts/emulators/github/server.ts';
import type { Repository } from '../../../scripts/emulators/github/state.ts';
import { githubClient } from '../../../scripts/lib/forges/github/client.ts';
import { resolvePullRequest } from '../../../scripts/lib/forges/github/pull-request.ts';
import { reportToGithub } from '../../../scripts/lib/forges/github/report.ts';
import { REPORT_MARKER } from '../../../scripts/lib/forges/report/markdown.ts';
import type { ValidationReport } from '../../../scripts/lib/forges/report/read-report.ts';
import { validationReport } from '../../helpers/validation-report.ts';

/**
 * The GitHub report bot, with the real octokit talking HTTP to the GitHub emulator on loopback.
 * Waits between retries are recorded instead of slept.
 */
const HEAD = 'c0ffee'.padEnd(40, '0');
let github: GithubEmulator;
let repository: Repository;
let waits: number[];

beforeEach(async () => {
  github = await startGithubEmulator();
  github.state.addToken('write-token');
  github.state.addToken('read-token', { access: 'read' });
  repository = github.state.addRepository('capsule-archive/archive');
  github.state.addPull(repository, {
    number: 7,
    headSha: HEAD,
    files: [
      { filename: 'content/cms/higgs-tautau-2016/record.yaml', status: 'modified' },
      { filename: 'content/atlas/higgs-diphoton-36fb/files/fit.C', status: 'added' },
      { filename: 'README.md', status: 'modified' },
    ],
  });
  waits = [];
});
afterEach(async () => {
  await github.close();
});

function client(token = 'write-token') {
  return githubClient({
    token,
    baseUrl: github.url,
    retry: { sleep: async (ms) => void waits.push(ms) },
  });
}

function report(validation: ValidationReport, token?: string, externalId = 'run-1') {
  return reportToGithub(
    client(token),
    {
      owner: 'capsule-archive',
      repo: 'archive',
      pull: { number: 7, headSha: HEAD },
      serverUrl: 'https://github.example',
      externalId,
    },
    validation,
  );
}

const comments = () => [...repository.comments.values()];
const checkRuns = () => [...repository.checkRuns.values()];
const failedSteps = (outcomes: Awaited<ReturnType<typeof report>>) =>
  outcomes.filter((o) => !o.ok).map((o) => [o.step, o.detail]);

describe('the GitHub report bot', () => {
  it('posts one comment, a check run annotated in batches of 50, and a label per collection', async () => {
    const outcomes = await report(validationReport(120));
    expect(failedSteps(outcomes)).toEqual([]);

    expect(comments()).toHaveLength(1);
    const body = comments()[0]?.body ?? '';
    expect(body.startsWith(REPORT_MARKER)).toBe(true);
    expect(body).toContain('**120 errors in 2 records checked.**');
    expect(body).toContain(
      '| ❌ | [content/cms/higgs-tautau-2016/record.yaml:1](https://github.example/capsule-archive/archive/blob/c0ffee',
    );
    expect(body).toContain('**Passed** (1 of 2): `atlas/higgs-diphoton-36fb`');

    expect(checkRuns()).toHaveLength(1);
    const run = checkRuns()[0];
    expect(run?.annotations).toHaveLength(120);
    expect(new Set(run?.annotations.map((a) => a.start_line)).size).toBe(120);
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure', head_sha: HEAD });
    const checkRequests = github.requests.filter((r) => r.path.includes('/check-runs'));
    expect(
      checkRequests.map((r) => [
        r.method,
        (r.body as { output: { annotations: unknown[] } }).output.annotations.length,
      ]),
    ).toEqual([
      ['POST', 50],
      ['PATCH', 50],
      ['PATCH', 20],
    ]);

    expect(repository.issueLabels.get(7)).toEqual(['collection:atlas', 'collection:cms']);
    expect(repository.labels.get('collection:cms')?.description).toBe(
      'Changes records of the cms collection',
    );
    expect(outcomes.map((o) => o.step)).toEqual(['comment', 'check run', 'labels']);
  });

  it('updates the same comment on a rerun, and drops a label the pull request no longer earns', async () => {
    await report(validationReport(3));
    const first = comments()[0];
    const pull = repository.pulls.get(7);
    if (pull) pull.files = pull.files.filter((file) => !file.filename.startsWith('content/atlas/'));

    const outcomes = await report(validationReport(0), undefined, 'run-2');
    expect(failedSteps(outcomes)).toEqual([]);
    expect(comments()).toHaveLength(1);
    expect(comments()[0]?.id).toBe(first?.id);
    expect(comments()[0]?.body).toContain('✅ Capsule validation');
    expect(outcomes[0]?.detail).toMatch(/^updated /);
    expect(checkRuns().map((run) => run.conclusion)).toEqual(['failure', 'success']);
    expect(repository.issueLabels.get(7)).toEqual(['collection:cms']);

    const again = await report(validationReport(0), undefined, 'run-3');
    expect(again[0]?.detail).toMatch(/^unchanged /);
  });

  it('leaves alone a person’s comment that quotes the marker', async () => {
    repository.comments.set(1, {
      id: 1,
      issue_number: 7,
      body: `Why does the bot write ${REPORT_MARKER}?`,
      user: { login: 'reviewer', id: 5, type: 'User' },
      created_at: '2024-01-01T00:00:00Z',
      updated_at: '2024-01-01T00:00:00Z',
    });
    await report(validationReport(1));
    expect(comments()).toHaveLength(2);
    expect(repository.comments.get(1)?.body).toBe(`Why does the bot write ${REPORT_MARKER}?`);
  });

  it('retries 5xx answers with backoff and a 429 after the Retry-After it names', async () => {
    github.faults
      .add({ method: 'GET', path: /\/issues\/7\/comments$/, status: 503, times: 2 })
      .add({ method: 'POST', path: /\/issues\/7\/comments$/, status: 429, retryAfter: 3 });
    const outcomes = await report(validationReport(2));
    expect(failedSteps(outcomes)).toEqual([]);
    expect(waits).toEqual([1000, 2000, 3000]);
    expect(comments()).toHaveLength(1);
    expect(
      github.requests
        .filter((r) => r.path.endsWith('/issues/7/comments'))
        .map((r) => [r.method, r.status]),
    ).toEqual([
      ['GET', 503],
      ['GET', 503],
      ['GET', 200],
      ['POST', 429],
      ['POST', 201],
    ]);
  });

  it('leaves one comment when the answer to creating it is lost', async () => {
    github.faults.add({ method: 'POST', path: /\/issues\/7\/comments$/, drop: 'after' });
    const outcomes = await report(validationReport(2));
    expect(failedSteps(outcomes)).toEqual([]);
    expect(comments()).toHaveLength(1);
    expect(outcomes[0]?.detail).toMatch(/^unchanged /);
  });

  it('sends no annotation twice when the answer to a batch is lost, and makes one check run', async () => {
    github.faults
      .add({ method: 'POST', path: /\/check-runs$/, drop: 'after' })
      .add({ method: 'PATCH', path: /\/check-runs\/\d+$/, drop: 'after' })
      .add({ method: 'PATCH', path: /\/check-runs\/\d+$/, drop: 'before' });
    const outcomes = await report(validationReport(130));
    expect(failedSteps(outcomes)).toEqual([]);
    expect(checkRuns()).toHaveLength(1);
    expect(checkRuns()[0]?.annotations).toHaveLength(130);
    expect(checkRuns()[0]?.status).toBe('completed');
  });

  it('reports a permanent failure of one step, and still does the others', async () => {
    github.faults.add({ method: 'POST', path: /\/check-runs$/, status: 500, times: Infinity });
    const outcomes = await report(validationReport(2));
    expect(failedSteps(outcomes)).toEqual([
      [
        'check run',
        'HTTP 500: injected fault: 500 (the service failed repeatedly; run the job again)',
      ],
    ]);
    expect(comments()).toHaveLength(1);
    expect(repository.issueLabels.get(7)).toHaveLength(2);
  });

  it('does not wait for a Retry-After beyond its limit', async () => {
    github.faults.add({
      method: 'GET',
      path: /\/issues\/7\/comments$/,
      status: 429,
      retryAfter: 3600,
    });
    const limited = await report(validationReport(1));
    expect(failedSteps(limited)).toEqual([
      ['comment', expect.stringMatching(/^HTTP 429: .*rate limited for longer than Capsule waits/)],
    ]);
    expect(waits).toEqual([]);
  });

  it('says when the token may only read, as a pull_request token from a fork', async () => {
    const readOnly = await report(validationReport(1), 'read-token');
    expect(failedSteps(readOnly).map(([step, detail]) => [step, detail?.slice(0, 52)])).toEqual([
      ['comment', 'HTTP 403: Resource not accessible by integration (th'],
      ['check run', 'HTTP 403: Resource not accessible by integration (th'],
      ['labels', 'HTTP 403: Resource not accessible by integration (th'],
    ]);
  });
});

describe('finding the pull request of a workflow run', () => {
  const event = (sha: string) => ({
    workflow_run: {
      id: 99,
      event: 'pull_request',
      head_sha: sha,
      head_branch: 'add-record',
      head_repository: { full_name: 'someone/archive', owner: { login: 'someone' } },
      pull_requests: [],
    },
  });

  it('finds a fork’s pull request by its head branch and commit, never by what the run says', async () => {
    github.state.addPull(repository, {
      number: 12,
      headSha: 'f'.repeat(40),
      headRef: 'add-record',
      headRepository: 'someone/archive',
    });
    const found = await resolvePullRequest(
      client(),
      { owner: 'capsule-archive', repo: 'archive' },
      event('f'.repeat(40)),
    );
    expect(found).toEqual({ found: true, pull: { number: 12, headSha: 'f'.repeat(40) } });

    const moved = await resolvePullRequest(
      client(),
      { owner: 'capsule-archive', repo: 'archive' },
      event('e'.repeat(40)),
    );
    expect(moved).toMatchObject({
      found: false,
      reason: expect.stringContaining('no open pull request has eeeeeeeeee'),
    });

    const stale = await resolvePullRequest(
      client(),
      { owner: 'capsule-archive', repo: 'archive' },
      { workflow_run: { ...event('e'.repeat(40)).workflow_run, pull_requests: [{ number: 7 }] } },
    );
    expect(stale).toMatchObject({
      found: false,
      reason: expect.stringContaining('#7 has moved on'),
    });
  });
});
