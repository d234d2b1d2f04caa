import type { Octokit } from 'octokit';
import { COLLECTION_LABEL_PREFIX, collectionLabel, touchedCollections } from '../collections.ts';

/**
 * One `collection:<name>` label per collection the pull request touches, created in the
 * repository when missing; a collection label the pull request no longer earns is removed.
 */
export interface LabelResult {
  added: string[];
  removed: string[];
}

const COLOR = '1f6feb';

export async function labelCollections(
  octokit: Octokit,
  target: { owner: string; repo: string; pullNumber: number },
): Promise<LabelResult> {
  const { owner, repo, pullNumber } = target;
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
    owner,
    repo,
    pull_number: pullNumber,
    per_page: 100,
  });
  const paths = files.flatMap((file) => [
    file.filename,
    ...(file.previous_filename ? [file.previous_filename] : []),
  ]);
  const wanted = touchedCollections(paths).map(collectionLabel);
  const current = (
    await octokit.paginate(octokit.rest.issues.listLabelsOnIssue, {
      owner,
      repo,
      issue_number: pullNumber,
      per_page: 100,
    })
  ).map((label) => label.name);

  for (const name of wanted) {
    try {
      await octokit.rest.issues.getLabel({ owner, repo, name });
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error;
      try {
        await octokit.rest.issues.createLabel({
          owner,
          repo,
          name,
          color: COLOR,
          description: `Changes records of the ${name.slice(COLLECTION_LABEL_PREFIX.length)} collection`,
        });
      } catch (createError) {
        // Made meanwhile by a concurrent run: fine.
        if ((createError as { status?: number }).status !== 422) throw createError;
      }
    }
  }
  const added = wanted.filter((name) => !current.includes(name));
  if (added.length > 0)
    await octokit.rest.issues.addLabels({ owner, repo, issue_number: pullNumber, labels: added });
  const removed = current.filter(
    (name) => name.startsWith(COLLECTION_LABEL_PREFIX) && !wanted.includes(name),
  );
  for (const name of removed) {
    try {
      await octokit.rest.issues.removeLabel({ owner, repo, issue_number: pullNumber, name });
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error;
    }
  }
  return { added, removed };
}
