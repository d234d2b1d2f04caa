/**
 * Zenodo's rate limiter (Flask-Limiter, moving window): every response carries
 * X-RateLimit-Limit, -Remaining and -Reset (epoch seconds) and a Retry-After; past the limit the
 * answer is 429.
 */
export interface RateLimitOptions {
  limit: number;
  windowMs: number;
}

export interface RateLimitState {
  allowed: boolean;
  headers: { [name: string]: string };
}

export class RateLimiter {
  readonly #options: RateLimitOptions;
  readonly #hits = new Map<string, number[]>();

  constructor(options: RateLimitOptions) {
    this.#options = options;
  }

  reset(): void {
    this.#hits.clear();
  }

  take(client: string, now: number): RateLimitState {
    const { limit, windowMs } = this.#options;
    const hits = (this.#hits.get(client) ?? []).filter((at) => at > now - windowMs);
    const allowed = hits.length < limit;
    if (allowed) hits.push(now);
    this.#hits.set(client, hits);
    const oldest = hits[0] ?? now;
    const resetMs = oldest + windowMs;
    return {
      allowed,
      headers: {
        'x-ratelimit-limit': String(limit),
        'x-ratelimit-remaining': String(Math.max(0, limit - hits.length)),
        'x-ratelimit-reset': String(Math.ceil(resetMs / 1000)),
        'retry-after': String(Math.max(1, Math.ceil((resetMs - now) / 1000))),
      },
    };
  }
}
