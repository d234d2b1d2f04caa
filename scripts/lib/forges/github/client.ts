import { Octokit } from 'octokit';
import { retryingFetch } from '../retry-fetch.ts';
import type { RetryPolicy } from '../retry-fetch.ts';

/**
 * octokit for Capsule's bots: the given API base URL (github.com's, an Enterprise server's, or
 * an emulator's), a token, and the forge retry policy in place of octokit's own retry and
 * throttling plugins.
 */
export interface GithubClientOptions {
  token: string;
  /** Default https://api.github.com. */
  baseUrl?: string;
  retry?: RetryPolicy;
}

export function githubClient(options: GithubClientOptions): Octokit {
  return new Octokit({
    auth: options.token,
    baseUrl: (options.baseUrl ?? 'https://api.github.com').replace(/\/+$/, ''),
    userAgent: 'capsule-report',
    request: { fetch: retryingFetch(options.retry) },
    retry: { enabled: false },
    throttle: { enabled: false },
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
}
