/**
 * When to try a Zenodo call again, and how long to wait first. Pure, so every branch is tested
 * without a clock. A call that is not safe to repeat (create, new version, publish) is retried
 * only when the server provably did not act on it: a 429 (the rate limiter turns it away before
 * it runs) or a connection that was never made.
 */
export type Safety = 'idempotent' | 'unsafe';

export interface RetryPolicy {
  /** Attempts per call, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  /** No single wait is longer, except one Zenodo asks for with Retry-After (still within the budget). */
  maxDelayMs: number;
  /** Total time one call may take, waits included. */
  budgetMs: number;
}

export const DEFAULT_POLICY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  budgetMs: 10 * 60_000,
};

export type Outcome =
  | { kind: 'response'; status: number; retryAfter?: string | null }
  | { kind: 'network'; sent: boolean; reason: string };

export type Decision =
  { retry: false; why: string } | { retry: true; delayMs: number; why: string };

const RETRYABLE_STATUS = new Set([500, 502, 503, 504]);

export function retryDecision(
  outcome: Outcome,
  attempt: number,
  elapsedMs: number,
  safety: Safety,
  policy: RetryPolicy = DEFAULT_POLICY,
  random: () => number = Math.random,
  now: number = Date.now(),
): Decision {
  let why: string;
  let asked: number | undefined;
  if (outcome.kind === 'network') {
    why = outcome.reason;
    if (safety === 'unsafe' && outcome.sent)
      return { retry: false, why: `${why}; not repeated: the request may have been acted on` };
  } else if (outcome.status === 429) {
    why = 'rate limited (429)';
    asked = retryAfterMs(outcome.retryAfter, now);
  } else if (RETRYABLE_STATUS.has(outcome.status)) {
    why = `server error (${outcome.status})`;
    if (safety === 'unsafe')
      return { retry: false, why: `${why}; not repeated: the request may have been acted on` };
    // Retry-After means something on 503 (and 429); other statuses carry Zenodo's generic one.
    if (outcome.status === 503) asked = retryAfterMs(outcome.retryAfter, now);
  } else {
    return { retry: false, why: `status ${outcome.status}` };
  }
  if (attempt >= policy.maxAttempts)
    return { retry: false, why: `${why}; gave up after ${attempt} attempts` };
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const delayMs = asked ?? Math.round(exponential / 2 + random() * (exponential / 2));
  if (elapsedMs + delayMs > policy.budgetMs)
    return {
      retry: false,
      why: `${why}; waiting ${Math.ceil(delayMs / 1000)} s more would exceed the time budget`,
    };
  return { retry: true, delayMs, why };
}

/** Retry-After as milliseconds: delta seconds or an HTTP date. */
export function retryAfterMs(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long to hold the next request so as not to hit the rate limit: until X-RateLimit-Reset
 * (epoch seconds) once X-RateLimit-Remaining reaches zero.
 */
export function rateLimitWaitMs(
  remaining: string | null,
  reset: string | null,
  now: number = Date.now(),
): number {
  if (
    remaining === null ||
    reset === null ||
    !/^\d+$/.test(remaining.trim()) ||
    Number(remaining) > 0
  )
    return 0;
  const resetMs = Number(reset) * 1000;
  return Number.isFinite(resetMs) ? Math.max(0, resetMs - now) : 0;
}
