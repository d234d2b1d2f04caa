import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { StepOutcome } from '../../lib/forges/failures.ts';
import { describeFailure } from '../../lib/forges/failures.ts';
import { githubClient } from '../../lib/forges/github/client.ts';
import { resolvePullRequest } from '../../lib/forges/github/pull-request.ts';
import type { GithubEvent } from '../../lib/forges/github/pull-request.ts';
import { reportToGithub } from '../../lib/forges/github/report.ts';
import { gitlabClient } from '../../lib/forges/gitlab/client.ts';
import { reportToGitlab } from '../../lib/forges/gitlab/report.ts';
import { reportMarkdown } from '../../lib/forges/report/markdown.ts';
import { ReportFormatError, parseValidationReport } from '../../lib/forges/report/read-report.ts';
import type { ValidationReport } from '../../lib/forges/report/read-report.ts';
import type { RetryPolicy } from '../../lib/forges/retry-fetch.ts';
import { EXIT_INVALID, EXIT_OK, UsageError } from '../command.ts';
import type { CliIo, Command } from '../command.ts';

const TARGETS = ['github', 'gitlab', 'markdown'] as const;
type Target = (typeof TARGETS)[number];

export const reportCommand: Command = {
  name: 'report',
  summary: 'Post a validation report on a pull or merge request',
  usage: 'capsule report github|gitlab|markdown --report FILE [options]',
  description: [
    'Reads the JSON report of `capsule validate --report FILE` and puts it where reviewers look.',
    '',
    'github: one sticky comment on the pull request (updated on every run, never repeated) with',
    'a table of the problems and what passed; a check run with an annotation on each line (sent',
    '50 at a time); a `collection:<name>` label per collection the pull request touches. Meant',
    'for a workflow_run job: the pull request is found from the event GitHub sends and checked',
    'against the validated commit, so a report from a fork cannot be aimed elsewhere. Reads',
    'GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_EVENT_PATH, GITHUB_API_URL, GITHUB_SERVER_URL,',
    'GITHUB_RUN_ID from the environment.',
    '',
    'gitlab: one merge-request note, updated on every run, and the collection labels (the Code',
    'Quality widget reads the artifact of `capsule validate --format gitlab`). Reads',
    'CAPSULE_GITLAB_TOKEN (a project access token, role Reporter, scope api), CI_SERVER_URL,',
    'CI_PROJECT_ID, CI_MERGE_REQUEST_IID, CI_COMMIT_SHA, CI_PROJECT_URL, CI_JOB_URL.',
    '',
    'markdown: the same report as Markdown (for a workflow step summary).',
    '',
    'Requests refused with 429 or 5xx are retried within limits, honouring Retry-After. A step',
    'that still fails is reported and the command exits 1; tokens are read from the environment',
    'only.',
  ].join('\n'),
  options: {
    report: {
      type: 'string',
      value: '<file>',
      description: 'The JSON report of `capsule validate --report`.',
    },
    pull: {
      type: 'string',
      value: '<number>',
      description: 'github: the pull request (default: from the event).',
    },
    'merge-request': {
      type: 'string',
      value: '<iid>',
      description: 'gitlab: the merge request (default: CI_MERGE_REQUEST_IID).',
    },
    sha: {
      type: 'string',
      value: '<commit>',
      description: 'The validated commit (default: from the event or CI).',
    },
    output: {
      type: 'string',
      short: 'o',
      value: '<file>',
      description: 'markdown: write to FILE.',
    },
  },
  examples: [
    {
      command: 'capsule report github --report capsule-report/report.json',
      explanation: 'In the workflow_run job, after downloading the validation artifact.',
    },
    {
      command: 'capsule report gitlab --report capsule-report.json',
      explanation: 'In a merge request pipeline, after `capsule validate --report`.',
    },
    {
      command: 'capsule report markdown --report report.json -o "$GITHUB_STEP_SUMMARY"',
      explanation: 'The report as the job summary.',
    },
  ],
  positionals: 'any',
  async run({ values, positionals }, io) {
    const target = positionals[0] as Target | undefined;
    if (!target || !TARGETS.includes(target) || positionals.length > 1)
      throw new UsageError(`Say where to report: ${TARGETS.join(', ')}.`);
    if (typeof values.report !== 'string') throw new UsageError('--report FILE is required.');
    let report: ValidationReport;
    try {
      report = parseValidationReport(await readFile(path.resolve(io.cwd, values.report), 'utf8'));
    } catch (error) {
      if (
        error instanceof ReportFormatError ||
        (error as NodeJS.ErrnoException).code === 'ENOENT'
      ) {
        io.stderr.write(
          `capsule report: cannot use ${values.report}: ${(error as Error).message}\n`,
        );
        return EXIT_INVALID;
      }
      throw error;
    }
    if (target === 'markdown') {
      const text = reportMarkdown(report, { marker: false });
      if (typeof values.output === 'string')
        await writeFile(path.resolve(io.cwd, values.output), text);
      else io.stdout.write(text);
      return EXIT_OK;
    }
    const retry: RetryPolicy = {
      onRetry: (event) =>
        io.stderr.write(
          `capsule report: ${event.method} ${new URL(event.url).pathname} failed (${event.reason}); retrying in ${Math.round(event.delayMs / 100) / 10} s\n`,
        ),
    };
    const outcomes =
      target === 'github'
        ? await toGithub(report, values, io, retry)
        : await toGitlab(report, values, io, retry);
    if ('skipped' in outcomes) {
      io.stdout.write(`Nothing to report on: ${outcomes.skipped}.\n`);
      return EXIT_OK;
    }
    for (const outcome of outcomes)
      io.stdout.write(`${outcome.ok ? '✔' : '✖'} ${outcome.step}: ${outcome.detail}\n`);
    const failed = outcomes.filter((outcome) => !outcome.ok);
    if (failed.length > 0) {
      io.stderr.write(
        `capsule report: ${failed.length} of ${outcomes.length} steps failed: ${failed.map((f) => f.step).join(', ')}.\n`,
      );
      return EXIT_INVALID;
    }
    return EXIT_OK;
  },
};

type Values = { [name: string]: string | boolean | string[] | undefined };

function required(env: NodeJS.ProcessEnv, ...names: string[]): string {
  for (const name of names) if (env[name]) return env[name] as string;
  throw new UsageError(`Set ${names.join(' or ')} in the environment.`);
}

function positiveInteger(value: unknown, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[1-9]\d*$/.test(value))
    throw new UsageError(`--${option} must be a number.`);
  return Number(value);
}

async function toGithub(
  report: ValidationReport,
  values: Values,
  io: CliIo,
  retry: RetryPolicy,
): Promise<StepOutcome[] | { skipped: string }> {
  const env = io.env;
  const token = required(env, 'GITHUB_TOKEN', 'GH_TOKEN');
  const repository = required(env, 'GITHUB_REPOSITORY');
  const [owner, repo] = repository.split('/');
  if (!owner || !repo)
    throw new UsageError(`GITHUB_REPOSITORY must be owner/name, not "${repository}".`);
  let event: GithubEvent = {};
  if (env.GITHUB_EVENT_PATH)
    event = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')) as GithubEvent;
  const octokit = githubClient({
    token,
    ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}),
    retry,
  });
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const pullNumber = positiveInteger(values.pull, 'pull');
  let resolution;
  try {
    resolution = await resolvePullRequest(octokit, { owner, repo }, event, {
      ...(pullNumber ? { number: pullNumber } : {}),
      ...(typeof values.sha === 'string' ? { sha: values.sha } : {}),
    });
  } catch (error) {
    return [{ step: 'pull request', ok: false, detail: describeFailure(error).detail }];
  }
  if (!resolution.found) return { skipped: resolution.reason };
  const run = event.workflow_run;
  const detailsUrl =
    run?.html_url ??
    (env.GITHUB_RUN_ID
      ? `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined);
  return reportToGithub(
    octokit,
    {
      owner,
      repo,
      pull: resolution.pull,
      serverUrl,
      externalId: `capsule-${run?.id ?? env.GITHUB_RUN_ID ?? 'local'}-${run?.run_attempt ?? env.GITHUB_RUN_ATTEMPT ?? 1}`,
      ...(detailsUrl ? { detailsUrl } : {}),
    },
    report,
  );
}

async function toGitlab(
  report: ValidationReport,
  values: Values,
  io: CliIo,
  retry: RetryPolicy,
): Promise<StepOutcome[] | { skipped: string }> {
  const env = io.env;
  const iid =
    positiveInteger(values['merge-request'], 'merge-request') ??
    positiveInteger(env.CI_MERGE_REQUEST_IID || undefined, 'merge-request');
  if (!iid) return { skipped: 'this is not a merge request pipeline (no CI_MERGE_REQUEST_IID)' };
  const token = required(env, 'CAPSULE_GITLAB_TOKEN', 'GITLAB_TOKEN');
  const host = required(env, 'CI_SERVER_URL');
  const projectId = required(env, 'CI_PROJECT_ID');
  const sha = typeof values.sha === 'string' ? values.sha : required(env, 'CI_COMMIT_SHA');
  const gitlab = gitlabClient({ host, token, retry });
  return reportToGitlab(
    gitlab,
    {
      projectId,
      mergeRequestIid: iid,
      headSha: sha,
      ...(env.CI_PROJECT_URL ? { projectUrl: env.CI_PROJECT_URL } : {}),
      ...(env.CI_JOB_URL ? { detailsUrl: env.CI_JOB_URL } : {}),
    },
    report,
  );
}
