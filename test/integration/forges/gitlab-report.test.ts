import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitlabEmulator } from '../../../scripts/emulators/gitlab/server.ts';
import type { GitlabEmulator } from '../../../scripts/emulators/gitlab/server.ts';
import type { Project } from '../../../scripts/emulators/gitlab/state.ts';
import { gitlabClient } from '../../../scripts/lib/forges/gitlab/client.ts';
import { reportToGitlab } from '../../../scripts/lib/forges/gitlab/report.ts';
import { REPORT_MARKER } from '../../../scripts/lib/forges/report/markdown.ts';
import type { ValidationReport } from '../../../scripts/lib/forges/report/read-report.ts';
import { validationReport } from '../../helpers/validation-report.ts';

/** The GitLab report bot, with the real gitbeaker talking HTTP to the GitLab emulator. */
const HEAD = 'beef'.padEnd(40, '1');
let gitlab: GitlabEmulator;
let project: Project;
let waits: number[];

beforeEach(async () => {
  gitlab = await startGitlabEmulator();
  gitlab.state.addToken('project-token');
  gitlab.state.addToken('read-token', {
    access: 'read',
    user: { id: 9, username: 'reader', name: 'Reader', bot: true },
  });
  project = gitlab.state.addProject('cms-analysis/preservation/archive');
  gitlab.state.addMergeRequest(project, {
    iid: 3,
    sha: HEAD,
    changes: [
      {
        old_path: 'content/cms/a/record.yaml',
        new_path: 'content/cms/a/record.yaml',
        new_file: false,
        deleted_file: false,
        renamed_file: false,
      },
      {
        old_path: 'content/lhcb/b/README.md',
        new_path: 'content/lhcb/b/README.md',
        new_file: true,
        deleted_file: false,
        renamed_file: false,
      },
    ],
  });
  waits = [];
});
afterEach(async () => {
  await gitlab.close();
});

function report(validation: ValidationReport, token = 'project-token') {
  const client = gitlabClient({
    host: gitlab.url,
    token,
    retry: { sleep: async (ms) => void waits.push(ms) },
  });
  return reportToGitlab(
    client,
    {
      projectId: 'cms-analysis/preservation/archive',
      mergeRequestIid: 3,
      headSha: HEAD,
      projectUrl: 'https://gitlab.example/cms-analysis/preservation/archive',
    },
    validation,
  );
}

const notes = () => project.notes.get(3) ?? [];
const failedSteps = (outcomes: Awaited<ReturnType<typeof report>>) =>
  outcomes.filter((o) => !o.ok).map((o) => [o.step, o.detail]);

describe('the GitLab report bot', () => {
  it('writes one note, updated on a rerun, and labels the merge request per collection', async () => {
    expect(failedSteps(await report(validationReport(4)))).toEqual([]);
    expect(notes()).toHaveLength(1);
    expect(notes()[0]?.body.startsWith(REPORT_MARKER)).toBe(true);
    expect(notes()[0]?.body).toContain(
      '[content/cms/higgs-tautau-2016/record.yaml:1](https://gitlab.example/cms-analysis/preservation/archive/-/blob/beef',
    );
    expect(project.mergeRequests.get(3)?.labels).toEqual(['collection:cms', 'collection:lhcb']);

    const rerun = await report(validationReport(0));
    expect(failedSteps(rerun)).toEqual([]);
    expect(notes()).toHaveLength(1);
    expect(notes()[0]?.body).toContain('✅ Capsule validation');
    expect(rerun.map((o) => o.detail)).toEqual([
      expect.stringMatching(/^updated note \d+$/),
      'up to date',
    ]);
  });

  it('retries 502 and 429 (after its Retry-After) and leaves one note when an answer is lost', async () => {
    gitlab.faults
      .add({ method: 'GET', path: /\/notes$/, status: 502 })
      .add({ method: 'POST', path: /\/notes$/, status: 429, retryAfter: 2 })
      .add({ method: 'POST', path: /\/notes$/, drop: 'after' });
    const outcomes = await report(validationReport(1));
    expect(failedSteps(outcomes)).toEqual([]);
    expect(notes()).toHaveLength(1);
    expect(waits).toEqual([1000, 2000]);
  });

  it('reports a permanent failure with the reason, and does not touch other people’s notes', async () => {
    project.notes.set(3, [
      {
        id: 1,
        body: `quoting ${REPORT_MARKER}`,
        author: { id: 7, username: 'contributor', name: 'A Contributor', bot: false },
        system: false,
        created_at: '2024-01-01T00:00:00Z',
        updated_at: '2024-01-01T00:00:00Z',
        noteable_type: 'MergeRequest',
        noteable_iid: 3,
      },
    ]);
    const outcomes = await report(validationReport(1), 'read-token');
    const forbidden = expect.stringMatching(
      /^HTTP 403: The request requires higher privileges .*\(the token lacks a permission/,
    );
    expect(failedSteps(outcomes)).toEqual([
      ['note', forbidden],
      ['labels', forbidden],
    ]);
    expect(notes()).toHaveLength(1);

    gitlab.faults.add({ method: 'GET', path: /\/notes$/, status: 503, times: Infinity });
    const down = await report(validationReport(1));
    expect(failedSteps(down)).toEqual([
      ['note', expect.stringMatching(/^HTTP 503: .*run the job again/)],
    ]);
    expect(waits).toEqual([1000, 2000, 4000]);
  });
});
