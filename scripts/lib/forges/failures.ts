/**
 * What went wrong talking to a forge, said so a maintainer can act: the step, the HTTP status
 * and the service's own message, and a hint for the usual causes.
 */
export interface StepOutcome {
  step: string;
  ok: boolean;
  detail: string;
}

export function describeFailure(error: unknown): { detail: string; status?: number } {
  const failure = error as {
    status?: number;
    message?: string;
    response?: { headers?: { [name: string]: string } };
    cause?: { response?: Response; description?: string; code?: string };
  };
  // octokit: RequestError with .status; gitbeaker: GitbeakerRequestError with cause.response.
  const status = failure.status ?? failure.cause?.response?.status;
  const message = failure.cause?.description || failure.message || String(error);
  const hint = status ? hintFor(status) : 'the service could not be reached';
  return {
    detail: `${status ? `HTTP ${status}: ` : ''}${message.split('\n')[0]}${hint ? ` (${hint})` : ''}`,
    ...(status ? { status } : {}),
  };
}

function hintFor(status: number): string {
  if (status === 401) return 'the token is missing, wrong or expired';
  if (status === 403)
    return 'the token lacks a permission (GitHub: pull-requests/issues/checks: write; GitLab: api scope, Reporter role), or the rate limit is exhausted';
  if (status === 404)
    return 'wrong repository, pull request or API URL, or the token cannot see it';
  if (status === 422 || status === 400) return 'the service refused the content';
  if (status === 429) return 'rate limited for longer than Capsule waits; run the job again later';
  if (status >= 500) return 'the service failed repeatedly; run the job again';
  return '';
}
