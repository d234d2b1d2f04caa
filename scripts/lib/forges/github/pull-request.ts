import type { Octokit } from 'octokit';

/**
 * Which pull request a report belongs to. In the `workflow_run` job the validation ran on a pull
 * request's code, perhaps from a fork; nothing from that run is trusted to name the pull
 * request. It is found from the event GitHub itself sends (the run's head commit and branch)
 * and kept only if its head is still that commit: a report is never posted on the wrong pull
 * request, or on one that has moved on (its newer run will report).
 */
export interface PullTarget {
  number: number;
  headSha: string;
}

export interface GithubEvent {
  pull_request?: { number?: number; head?: { sha?: string } };
  workflow_run?: {
    id?: number;
    run_attempt?: number;
    head_sha?: string;
    head_branch?: string;
    event?: string;
    conclusion?: string | null;
    html_url?: string;
    head_repository?: { full_name?: string; owner?: { login?: string } };
    pull_requests?: Array<{ number?: number }>;
  };
}

export type PullResolution = { found: true; pull: PullTarget } | { found: false; reason: string };

export async function resolvePullRequest(
  octokit: Octokit,
  repository: { owner: string; repo: string },
  event: GithubEvent,
  explicit: { number?: number; sha?: string } = {},
): Promise<PullResolution> {
  const { owner, repo } = repository;
  const check = async (number: number, sha: string | undefined): Promise<PullResolution> => {
    const pull = (await octokit.rest.pulls.get({ owner, repo, pull_number: number })).data;
    if (sha && pull.head.sha !== sha)
      return {
        found: false,
        reason: `pull request #${number} has moved on to ${pull.head.sha.slice(0, 10)} since ${sha.slice(0, 10)} was validated; its newer run reports`,
      };
    return { found: true, pull: { number, headSha: sha ?? pull.head.sha } };
  };

  if (explicit.number) return check(explicit.number, explicit.sha);
  if (event.pull_request?.number)
    return check(event.pull_request.number, explicit.sha ?? event.pull_request.head?.sha);
  const run = event.workflow_run;
  if (!run?.head_sha)
    return {
      found: false,
      reason: 'the event names no pull request or workflow run (pass --pull)',
    };
  if (run.event && run.event !== 'pull_request')
    return {
      found: false,
      reason: `the validation ran for a ${run.event} event, not a pull request`,
    };
  let stale: PullResolution | undefined;
  for (const candidate of run.pull_requests ?? []) {
    if (!candidate.number) continue;
    const resolved = await check(candidate.number, run.head_sha);
    if (resolved.found) return resolved;
    stale = resolved;
  }
  const headOwner = run.head_repository?.owner?.login;
  if (headOwner && run.head_branch) {
    const pulls = await octokit.paginate(octokit.rest.pulls.list, {
      owner,
      repo,
      state: 'open',
      head: `${headOwner}:${run.head_branch}`,
      per_page: 100,
    });
    const pull = pulls.find((candidate) => candidate.head.sha === run.head_sha);
    if (pull) return { found: true, pull: { number: pull.number, headSha: run.head_sha } };
  }
  return (
    stale ?? {
      found: false,
      reason: `no open pull request has ${run.head_sha.slice(0, 10)} as its head any more`,
    }
  );
}
