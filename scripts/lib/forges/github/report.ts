import type { Octokit } from 'octokit';
import { summaryLine } from '../../diagnostics/format/summary.ts';
import { describeFailure } from '../failures.ts';
import type { StepOutcome } from '../failures.ts';
import { REPORT_MARKER, reportMarkdown } from '../report/markdown.ts';
import type { ValidationReport } from '../report/read-report.ts';
import { publishCheckRun } from './check-run.ts';
import { labelCollections } from './labels.ts';
import type { PullTarget } from './pull-request.ts';
import { upsertStickyComment } from './sticky-comment.ts';

/**
 * The GitHub report bot: the sticky comment, the check run with its annotations, and the
 * collection labels. Each step runs even when another failed, and every failure is returned:
 * the command exits non-zero on any, with what went wrong.
 */
export interface GithubReportTarget {
  owner: string;
  repo: string;
  pull: PullTarget;
  /** e.g. https://github.com — for links to files in the comment. */
  serverUrl: string;
  /** The workflow run that validated, for links. */
  detailsUrl?: string;
  /** Distinguishes this report's check run among retries of the job. */
  externalId: string;
  checkName?: string;
}

export async function reportToGithub(
  octokit: Octokit,
  target: GithubReportTarget,
  report: ValidationReport,
): Promise<StepOutcome[]> {
  const { owner, repo, pull } = target;
  const fileUrl = (file: string, line: number) =>
    `${target.serverUrl.replace(/\/+$/, '')}/${owner}/${repo}/blob/${pull.headSha}/${file.split('/').map(encodeURIComponent).join('/')}#L${line}`;
  const outcomes: StepOutcome[] = [];
  const step = async (name: string, run: () => Promise<string>) => {
    try {
      outcomes.push({ step: name, ok: true, detail: await run() });
    } catch (error) {
      outcomes.push({ step: name, ok: false, detail: describeFailure(error).detail });
    }
  };

  await step('comment', async () => {
    const body = reportMarkdown(report, {
      fileUrl,
      commit: pull.headSha,
      ...(target.detailsUrl ? { detailsUrl: target.detailsUrl } : {}),
    });
    const result = await upsertStickyComment(octokit, {
      owner,
      repo,
      issueNumber: pull.number,
      marker: REPORT_MARKER,
      body,
    });
    return `${result.action} ${result.url}`;
  });
  await step('check run', async () => {
    const result = await publishCheckRun(octokit, {
      owner,
      repo,
      headSha: pull.headSha,
      name: target.checkName ?? 'Capsule validation',
      externalId: target.externalId,
      conclusion: report.errors > 0 ? 'failure' : 'success',
      title: summaryLine(report),
      summary: reportMarkdown(report, { fileUrl, marker: false, commit: pull.headSha }),
      ...(target.detailsUrl ? { detailsUrl: target.detailsUrl } : {}),
      diagnostics: report.diagnostics,
    });
    return `${result.annotations} annotations in ${result.requests} requests (check run ${result.id})`;
  });
  await step('labels', async () => {
    const result = await labelCollections(octokit, { owner, repo, pullNumber: pull.number });
    const parts = [
      result.added.length > 0 ? `added ${result.added.join(', ')}` : '',
      result.removed.length > 0 ? `removed ${result.removed.join(', ')}` : '',
    ].filter(Boolean);
    return parts.join('; ') || 'up to date';
  });
  return outcomes;
}
