import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICY,
  rateLimitWaitMs,
  retryAfterMs,
  retryDecision,
} from '../../../scripts/lib/zenodo/retry-policy.ts';

const half = () => 0.5;

describe('retryDecision', () => {
  it('retries a safe call on 500, 502, 503 and 504 with growing waits', () => {
    for (const status of [500, 502, 503, 504]) {
      const first = retryDecision(
        { kind: 'response', status },
        1,
        0,
        'idempotent',
        DEFAULT_POLICY,
        half,
      );
      const third = retryDecision(
        { kind: 'response', status },
        3,
        0,
        'idempotent',
        DEFAULT_POLICY,
        half,
      );
      expect(first).toMatchObject({ retry: true, delayMs: 750 });
      expect(third).toMatchObject({ retry: true, delayMs: 3000 });
    }
  });

  it('never repeats an unsafe call after a 5xx or a lost connection: it may have taken effect', () => {
    expect(retryDecision({ kind: 'response', status: 504 }, 1, 0, 'unsafe')).toMatchObject({
      retry: false,
    });
    expect(
      retryDecision({ kind: 'network', sent: true, reason: 'reset' }, 1, 0, 'unsafe'),
    ).toMatchObject({ retry: false });
  });

  it('repeats an unsafe call that provably never ran: a 429, or a connection never made', () => {
    expect(
      retryDecision({ kind: 'response', status: 429, retryAfter: '7' }, 1, 0, 'unsafe'),
    ).toMatchObject({ retry: true, delayMs: 7000 });
    expect(
      retryDecision(
        { kind: 'network', sent: false, reason: 'refused' },
        1,
        0,
        'unsafe',
        DEFAULT_POLICY,
        half,
      ),
    ).toMatchObject({ retry: true });
  });

  it('honours Retry-After on 429 and 503 only, in seconds or as a date', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(
      retryDecision(
        { kind: 'response', status: 503, retryAfter: 'Sun, 22 Nov 2026 10:00:12 GMT' },
        1,
        0,
        'idempotent',
        DEFAULT_POLICY,
        half,
        now,
      ),
    ).toMatchObject({ delayMs: 12_000 });
    // Zenodo sends a Retry-After on every response; on a 500 it means nothing.
    expect(
      retryDecision(
        { kind: 'response', status: 500, retryAfter: '58' },
        1,
        0,
        'idempotent',
        DEFAULT_POLICY,
        half,
      ),
    ).toMatchObject({ delayMs: 750 });
  });

  it('gives up after the attempts or the time budget', () => {
    expect(
      retryDecision({ kind: 'response', status: 503 }, DEFAULT_POLICY.maxAttempts, 0, 'idempotent'),
    ).toMatchObject({ retry: false, why: expect.stringContaining('gave up after 6 attempts') });
    expect(
      retryDecision(
        { kind: 'response', status: 429, retryAfter: '120' },
        1,
        DEFAULT_POLICY.budgetMs - 60_000,
        'idempotent',
      ),
    ).toMatchObject({ retry: false, why: expect.stringContaining('time budget') });
  });

  it('does not retry client errors', () => {
    for (const status of [400, 401, 403, 404, 409, 412])
      expect(retryDecision({ kind: 'response', status }, 1, 0, 'idempotent').retry).toBe(false);
  });
});

describe('rate-limit headers', () => {
  it('waits until X-RateLimit-Reset once X-RateLimit-Remaining is 0', () => {
    const now = 1_764_942_800_000;
    expect(rateLimitWaitMs('0', '1764942843', now)).toBe(43_000);
    expect(rateLimitWaitMs('997', '1764942843', now)).toBe(0);
    expect(rateLimitWaitMs(null, null, now)).toBe(0);
  });

  it('reads Retry-After as seconds or an HTTP date, and ignores nonsense', () => {
    expect(retryAfterMs('39')).toBe(39_000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });
});
