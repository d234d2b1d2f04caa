import { collectionLabel, COLLECTION_LABEL_PREFIX, touchedCollections } from '../collections.ts';
import { describeFailure } from '../failures.ts';
import type { StepOutcome } from '../failures.ts';
import { REPORT_MARKER, reportMarkdown } from '../report/markdown.ts';
import type { ValidationReport } from '../report/read-report.ts';
import type { GitlabClient } from './client.ts';
import { upsertStickyNote } from './sticky-note.ts';

/**
 * The GitLab report bot: the one merge-request note and the collection labels. (The Code Quality
 * report, shown in the merge request's widget and diff, is the pipeline artifact `capsule
 * validate --format gitlab` writes.) Every step runs; every failure is returned.
 */
export interface GitlabReportTarget {
  projectId: string | number;
  mergeRequestIid: number;
  /** The commit validated (CI_COMMIT_SHA), for links and the footer. */
  headSha: string;
  /** The project's web URL (CI_PROJECT_URL), for links to files. */
  projectUrl?: string;
  /** The pipeline or job (CI_JOB_URL). */
  detailsUrl?: string;
}

export async function reportToGitlab(
  gitlab: GitlabClient,
  target: GitlabReportTarget,
  report: ValidationReport,
): Promise<StepOutcome[]> {
  const outcomes: StepOutcome[] = [];
  const step = async (name: string, run: () => Promise<string>) => {
    try {
      outcomes.push({ step: name, ok: true, detail: await run() });
    } catch (error) {
      outcomes.push({ step: name, ok: false, detail: describeFailure(error).detail });
    }
  };
  const projectUrl = target.projectUrl?.replace(/\/+$/, '');
  await step('note', async () => {
    const body = reportMarkdown(report, {
      commit: target.headSha,
      maxLength: 200_000,
      ...(projectUrl
        ? {
            fileUrl: (file: string, line: number) =>
              `${projectUrl}/-/blob/${target.headSha}/${file.split('/').map(encodeURIComponent).join('/')}#L${line}`,
          }
        : {}),
      ...(target.detailsUrl ? { detailsUrl: target.detailsUrl } : {}),
    });
    const result = await upsertStickyNote(gitlab, {
      projectId: target.projectId,
      mergeRequestIid: target.mergeRequestIid,
      marker: REPORT_MARKER,
      body,
    });
    return `${result.action} note ${result.id}`;
  });
  await step('labels', async () => {
    const diffs = await gitlab.MergeRequests.allDiffs(target.projectId, target.mergeRequestIid, {
      perPage: 100,
    });
    const paths = diffs.flatMap((diff) => [diff.new_path, diff.old_path]);
    const wanted = touchedCollections(paths).map(collectionLabel);
    const mergeRequest = await gitlab.MergeRequests.show(target.projectId, target.mergeRequestIid);
    const current = (mergeRequest.labels as Array<string | { name: string }>).map((label) =>
      typeof label === 'string' ? label : label.name,
    );
    const add = wanted.filter((name) => !current.includes(name));
    const remove = current.filter(
      (name) => name.startsWith(COLLECTION_LABEL_PREFIX) && !wanted.includes(name),
    );
    if (add.length === 0 && remove.length === 0) return 'up to date';
    await gitlab.MergeRequests.edit(target.projectId, target.mergeRequestIid, {
      ...(add.length > 0 ? { addLabels: add.join(',') } : {}),
      ...(remove.length > 0 ? { removeLabels: remove.join(',') } : {}),
    });
    return [
      add.length > 0 ? `added ${add.join(', ')}` : '',
      remove.length > 0 ? `removed ${remove.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
  });
  return outcomes;
}
