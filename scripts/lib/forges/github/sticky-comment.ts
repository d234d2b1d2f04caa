import type { Octokit } from 'octokit';

/**
 * ONE comment per pull request, found again by a hidden marker and updated on every run. Only
 * comments by a bot account count (a person quoting the marker is left alone). A create whose
 * answer was lost (a dropped connection, a 5xx) may have happened: the comment is looked for
 * again before another is made, so a retry never leaves two.
 */
export interface StickyComment {
  owner: string;
  repo: string;
  issueNumber: number;
  marker: string;
  body: string;
}

export interface StickyResult {
  id: number;
  action: 'created' | 'updated' | 'unchanged';
  url: string;
}

const ATTEMPTS = 3;

export async function upsertStickyComment(
  octokit: Octokit,
  comment: StickyComment,
): Promise<StickyResult> {
  const { owner, repo, issueNumber, marker, body } = comment;
  for (let attempt = 1; ; attempt++) {
    const ours = (
      await octokit.paginate(octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number: issueNumber,
        per_page: 100,
      })
    ).filter((c) => c.user?.type === 'Bot' && (c.body ?? '').includes(marker));
    const [keep, ...extra] = ours;
    try {
      // Earlier runs that raced each other may have left more than one: keep the first.
      for (const duplicate of extra)
        await octokit.rest.issues.deleteComment({ owner, repo, comment_id: duplicate.id });
      if (keep) {
        if (keep.body === body) return { id: keep.id, action: 'unchanged', url: keep.html_url };
        const updated = await octokit.rest.issues.updateComment({
          owner,
          repo,
          comment_id: keep.id,
          body,
        });
        return { id: updated.data.id, action: 'updated', url: updated.data.html_url };
      }
      const created = await octokit.rest.issues.createComment({
        owner,
        repo,
        issue_number: issueNumber,
        body,
      });
      return { id: created.data.id, action: 'created', url: created.data.html_url };
    } catch (error) {
      if (attempt >= ATTEMPTS || !mayHaveHappened(error)) throw error;
    }
  }
}

/** A failure after which the request may still have been applied (lost answer, server error). */
export function mayHaveHappened(error: unknown): boolean {
  const status = (error as { status?: number }).status;
  return status === undefined || status >= 500;
}
