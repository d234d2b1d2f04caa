import { Gitlab } from '@gitbeaker/rest';
import {
  GitbeakerRequestError,
  createRequesterFn,
  getMatchingRateLimiter,
} from '@gitbeaker/requester-utils';
import type { RateLimiters } from '@gitbeaker/requester-utils';
import { retryingFetch } from '../retry-fetch.ts';
import type { RetryPolicy } from '../retry-fetch.ts';

/**
 * gitbeaker for Capsule's bots. gitbeaker's own request handler retries only 429 and 502, for
 * milliseconds and without reading Retry-After; this one sends every request through the forge
 * retry policy (retry-fetch.ts) and otherwise behaves as gitbeaker's: the same rate limiters,
 * body parsing and GitbeakerRequestError on failure.
 */
export interface GitlabClientOptions {
  /** The instance, e.g. https://gitlab.cern.ch (CI_SERVER_URL). */
  host: string;
  token: string;
  /** `job` for CI_JOB_TOKEN, `private` for a personal, project or group access token. */
  tokenKind?: 'private' | 'job';
  retry?: RetryPolicy;
}

export type GitlabClient = InstanceType<typeof Gitlab<false>>;

export function gitlabClient(options: GitlabClientOptions): GitlabClient {
  const send = retryingFetch(options.retry);
  const requesterFn = createRequesterFn(
    (_service, requestOptions) => Promise.resolve(requestOptions),
    async (endpoint, requestOptions) => {
      const { rateLimiters, prefixUrl, searchParams, method, headers, body, signal, asStream } =
        (requestOptions ?? {}) as {
          asStream?: boolean;
          rateLimiters?: RateLimiters;
          prefixUrl?: string;
          searchParams?: string;
          method?: string;
          headers?: Record<string, string>;
          body?: string | FormData;
          signal?: AbortSignal;
        };
      const base = prefixUrl ? (prefixUrl.endsWith('/') ? prefixUrl : `${prefixUrl}/`) : undefined;
      const url = new URL(endpoint, base);
      url.search = searchParams ?? '';
      await getMatchingRateLimiter(endpoint, rateLimiters, method)();
      const request = new Request(url, {
        method: method ?? 'GET',
        ...(headers ? { headers } : {}),
        ...(body !== undefined ? { body } : {}),
        ...(signal ? { signal } : {}),
      });
      const response = await send(request);
      if (!response.ok) {
        const text = await response.text();
        let description = text;
        if ((response.headers.get('content-type') ?? '').includes('application/json')) {
          try {
            const parsed = JSON.parse(text) as {
              message?: unknown;
              error?: unknown;
              error_description?: unknown;
            };
            const detail = parsed.error_description ?? parsed.message ?? parsed.error ?? text;
            description = typeof detail === 'string' ? detail : JSON.stringify(detail);
          } catch {
            // keep the raw text
          }
        }
        throw new GitbeakerRequestError(description, { cause: { description, request, response } });
      }
      const responseHeaders = Object.fromEntries(response.headers.entries());
      if (asStream)
        return {
          body: response.body as ReadableStream,
          headers: responseHeaders,
          status: response.status,
        };
      if (response.status === 204) return { body: null, headers: responseHeaders, status: 204 };
      const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
      const parsedBody =
        type === 'application/json'
          ? ((await response.json()) ?? {})
          : type.startsWith('text/')
            ? await response.text()
            : await response.blob();
      return { body: parsedBody, headers: responseHeaders, status: response.status };
    },
  );
  const host = options.host.replace(/\/+$/, '');
  return options.tokenKind === 'job'
    ? new Gitlab({ host, jobToken: options.token, requesterFn })
    : new Gitlab({ host, token: options.token, requesterFn });
}
