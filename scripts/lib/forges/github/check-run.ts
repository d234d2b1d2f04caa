import type { Octokit } from 'octokit';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { mayHaveHappened } from './sticky-comment.ts';

/**
 * A check run with one annotation per problem, on its file and line. GitHub takes at most 50
 * annotations per request: the run is created with the first 50, each further batch is sent by
 * updating it, and the last update completes it. When a request's answer is lost, the run's
 * annotation count (or the run itself, found by its external id) tells whether it was applied,
 * so no batch is sent twice and no second run is made.
 */
export const ANNOTATIONS_PER_REQUEST = 50;
const MAX_MESSAGE = 60_000;

export interface CheckRunReport {
  owner: string;
  repo: string;
  headSha: string;
  name: string;
  /** Identifies this run among retries (e.g. the workflow run id and attempt). */
  externalId: string;
  conclusion: 'success' | 'failure' | 'neutral';
  title: string;
  summary: string;
  detailsUrl?: string;
  diagnostics: readonly Diagnostic[];
}

export interface CheckRunResult {
  id: number;
  annotations: number;
  requests: number;
}

type Annotation = {
  path: string;
  start_line: number;
  end_line: number;
  start_column: number;
  end_column: number;
  annotation_level: 'failure' | 'warning';
  title: string;
  message: string;
  raw_details: string;
};

export function toAnnotation(d: Diagnostic): Annotation {
  return {
    path: d.file,
    start_line: d.line,
    end_line: d.line,
    start_column: d.column,
    end_column: d.column,
    annotation_level: d.severity === 'error' ? 'failure' : 'warning',
    title: d.code,
    message: d.message.slice(0, MAX_MESSAGE),
    raw_details: d.hint.slice(0, MAX_MESSAGE),
  };
}

export async function publishCheckRun(
  octokit: Octokit,
  report: CheckRunReport,
): Promise<CheckRunResult> {
  const { owner, repo } = report;
  const annotations = report.diagnostics.map(toAnnotation);
  const batches: Annotation[][] = [];
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST)
    batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  if (batches.length === 0) batches.push([]);
  const output = (batch: Annotation[]) => ({
    title: report.title,
    summary: report.summary,
    annotations: batch,
  });
  const finish = { status: 'completed' as const, conclusion: report.conclusion };
  let requests = 0;

  const create = async (): Promise<{ id: number; count: number }> => {
    for (let attempt = 1; ; attempt++) {
      try {
        requests++;
        const created = await octokit.rest.checks.create({
          owner,
          repo,
          name: report.name,
          head_sha: report.headSha,
          external_id: report.externalId,
          ...(report.detailsUrl ? { details_url: report.detailsUrl } : {}),
          ...(batches.length === 1 ? finish : { status: 'in_progress' as const }),
          output: output(batches[0] ?? []),
        });
        return { id: created.data.id, count: batches[0]?.length ?? 0 };
      } catch (error) {
        if (attempt >= 3 || !mayHaveHappened(error)) throw error;
        const existing = await findRun(octokit, report);
        if (existing) return existing;
      }
    }
  };

  const { id, count } = await create();
  let sent = count;
  for (let index = 1; index < batches.length; index++) {
    const batch = batches[index] as Annotation[];
    const last = index === batches.length - 1;
    for (let attempt = 1; ; attempt++) {
      try {
        requests++;
        await octokit.rest.checks.update({
          owner,
          repo,
          check_run_id: id,
          ...(last ? finish : {}),
          output: output(batch),
        });
        break;
      } catch (error) {
        if (attempt >= 3 || !mayHaveHappened(error)) throw error;
        const run = await octokit.rest.checks.get({ owner, repo, check_run_id: id });
        if (run.data.output.annotations_count >= sent + batch.length) {
          if (last && run.data.status !== 'completed')
            await octokit.rest.checks.update({ owner, repo, check_run_id: id, ...finish });
          break;
        }
      }
    }
    sent += batch.length;
  }
  return { id, annotations: sent, requests };
}

async function findRun(
  octokit: Octokit,
  report: CheckRunReport,
): Promise<{ id: number; count: number } | undefined> {
  const runs = await octokit.rest.checks.listForRef({
    owner: report.owner,
    repo: report.repo,
    ref: report.headSha,
    check_name: report.name,
    per_page: 100,
  });
  const run = runs.data.check_runs.find((candidate) => candidate.external_id === report.externalId);
  return run ? { id: run.id, count: run.output.annotations_count } : undefined;
}
