/**
 * The one retry policy of every forge client (octokit and gitbeaker are both handed this fetch,
 * with their own retrying switched off, so GitHub and GitLab behave alike and tests see every
 * attempt):
 *
 * - 429, and 403 with Retry-After or an exhausted rate limit, are retried for any method: the
 *   request was refused, not processed. The wait is what the server asked (Retry-After in
 *   seconds or as a date, or until x-ratelimit-reset), if it is within `maxDelayMs`.
 * - 5xx responses and dropped connections are retried for methods that can be repeated
 *   (GET, HEAD, OPTIONS, PUT, DELETE), with exponential backoff. A POST or PATCH is retried only
 *   on 503 (the server said it could not take it); otherwise it may have been applied, and the
 *   caller, who knows how to look, decides (see the sticky comment and check run).
 * - At most `attempts` tries in all; then the last response is returned (the client turns it
 *   into its usual error) or the last network error thrown. Nothing is swallowed.
 */
export interface RetryPolicy {
  /** Tries in all, the first included (default 4). */
  attempts?: number;
  /** The first backoff delay; doubled each time (default 1 s). */
  baseDelayMs?: number;
  /** The longest wait before a retry; a server asking for longer is not waited for (default 60 s). */
  maxDelayMs?: number;
  /** Waits; tests pass one that records instead of sleeping. */
  sleep?: (ms: number) => Promise<void>;
  /** Told about each retry (the CLI prints it). */
  onRetry?: (retry: RetryEvent) => void;
  /** The clock, for Retry-After dates and rate-limit resets. */
  now?: () => number;
}

export interface RetryEvent {
  method: string;
  url: string;
  attempt: number;
  delayMs: number;
  reason: string;
}

type Fetch = typeof globalThis.fetch;

const REPEATABLE = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

export function retryingFetch(
  policy: RetryPolicy = {},
  fetchImpl: Fetch = globalThis.fetch,
): Fetch {
  const attempts = Math.max(1, policy.attempts ?? 4);
  const base = policy.baseDelayMs ?? 1000;
  const maxDelay = policy.maxDelayMs ?? 60_000;
  const sleep = policy.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = policy.now ?? Date.now;

  return async (input, init) => {
    const original = input instanceof Request ? input : undefined;
    const method = (init?.method ?? original?.method ?? 'GET').toUpperCase();
    const url = original ? original.url : String(input);
    const repeatable = REPEATABLE.has(method);
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= attempts;
      // A Request's body can be read once: each try sends a copy.
      const request = original ? original.clone() : input;
      let response: Response;
      try {
        response = await fetchImpl(request, init);
      } catch (error) {
        const refused = connectionRefused(error);
        if (last || !(repeatable || refused)) throw error;
        const delayMs = backoff(base, attempt, maxDelay);
        policy.onRetry?.({ method, url, attempt, delayMs, reason: networkReason(error) });
        await sleep(delayMs);
        continue;
      }
      const verdict = classify(response, repeatable, now());
      if (!verdict || last) return response;
      const delayMs = verdict.wait ?? backoff(base, attempt, maxDelay);
      if (delayMs > maxDelay) return response;
      await response.body?.cancel().catch(() => undefined);
      policy.onRetry?.({ method, url, attempt, delayMs, reason: verdict.reason });
      await sleep(delayMs);
    }
  };
}

function backoff(base: number, attempt: number, maxDelay: number): number {
  return Math.min(maxDelay, base * 2 ** (attempt - 1));
}

/** Whether to retry a response, and how long the server asked to wait. */
function classify(
  response: Response,
  repeatable: boolean,
  now: number,
): { reason: string; wait?: number } | undefined {
  const status = response.status;
  const wait = requestedWait(response.headers, now);
  const rateLimited =
    status === 429 ||
    (status === 403 &&
      (response.headers.has('retry-after') ||
        response.headers.get('x-ratelimit-remaining') === '0'));
  if (rateLimited)
    return { reason: `${status} rate limited`, ...(wait !== undefined ? { wait } : {}) };
  if (status === 503 || (repeatable && status >= 500 && status <= 599))
    return {
      reason: `${status} ${response.statusText}`.trim(),
      ...(wait !== undefined ? { wait } : {}),
    };
  return undefined;
}

/** Retry-After (seconds or an HTTP date), else GitHub's x-ratelimit-reset when exhausted. */
export function requestedWait(headers: Headers, now: number): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null) {
    if (/^\d+$/.test(retryAfter.trim())) return Number(retryAfter) * 1000;
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const reset = headers.get('x-ratelimit-reset');
  if (headers.get('x-ratelimit-remaining') === '0' && reset && /^\d+$/.test(reset))
    return Math.max(0, Number(reset) * 1000 - now);
  return undefined;
}

/** A connection that was never made: nothing was sent, so any request may be tried again. */
function connectionRefused(error: unknown): boolean {
  const code = causeCode(error);
  return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
}

function networkReason(error: unknown): string {
  return causeCode(error) ?? (error as Error).message ?? 'network error';
}

function causeCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? (error as { code?: string }).code;
}
