import { ZenodoError, parseErrorBody } from './errors.ts';
import { createRedactor } from './redact.ts';
import type { Redactor } from './redact.ts';
import { DEFAULT_POLICY, rateLimitWaitMs, retryDecision } from './retry-policy.ts';
import type { Outcome, RetryPolicy, Safety } from './retry-policy.ts';

/**
 * Zenodo over HTTP: the bearer token, Capsule's User-Agent, a timeout per attempt, retries by
 * the retry policy, and waits the rate-limit headers ask for. `fetch`, the clock and sleeping are
 * passed in so tests can run it against the emulator at full speed.
 */
export interface HttpOptions {
  /** `https://zenodo.org/api`, `https://sandbox.zenodo.org/api`, or an emulator's. */
  baseUrl: string;
  token: string;
  userAgent: string;
  timeoutMs?: number;
  policy?: Partial<RetryPolicy>;
  /** Multiplies every wait (tests and emulators shrink them); 1 in production. */
  waitScale?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
  onRetry?: (event: RetryEvent) => void;
}

export interface RetryEvent {
  method: string;
  url: string;
  attempt: number;
  delayMs: number;
  why: string;
}

export interface RequestOptions {
  safety: Safety;
  query?: { [name: string]: string | number | boolean | undefined };
  json?: unknown;
  body?: Uint8Array;
  contentType?: string;
  ifMatch?: string;
  /** Added to the client's timeout, e.g. for a large upload. */
  extraTimeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export class ZenodoHttp {
  readonly baseUrl: string;
  readonly redact: Redactor;
  readonly #options: HttpOptions;
  readonly #policy: RetryPolicy;
  readonly #origin: string;
  #holdUntil = 0;

  constructor(options: HttpOptions) {
    if (!options.token) throw new Error('A Zenodo token is required.');
    this.#options = options;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#origin = new URL(this.baseUrl).origin;
    this.#policy = { ...DEFAULT_POLICY, ...options.policy };
    this.redact = createRedactor([options.token]);
  }

  /** Resolves a path under the API, or checks that an absolute link stays on Zenodo's host. */
  url(pathOrUrl: string, query: RequestOptions['query'] = {}): URL {
    const url = /^https?:\/\//.test(pathOrUrl)
      ? new URL(pathOrUrl)
      : new URL(`${this.baseUrl}${pathOrUrl}`);
    // The token goes only to the Zenodo it was made for, whatever a response links to.
    if (url.origin !== this.#origin)
      throw new Error(
        `Refusing to send the Zenodo token to ${url.origin}: the API is at ${this.#origin}.`,
      );
    for (const [name, value] of Object.entries(query))
      if (value !== undefined) url.searchParams.set(name, String(value));
    return url;
  }

  async request(method: string, pathOrUrl: string, options: RequestOptions): Promise<HttpResponse> {
    const url = this.url(pathOrUrl, options.query);
    const shown = this.redact(`${url.origin}${url.pathname}${url.search}`);
    const now = this.#options.now ?? Date.now;
    const started = now();
    for (let attempt = 1; ; attempt++) {
      await this.#waitForRateLimit(started);
      let outcome: Outcome;
      let response: Response | undefined;
      try {
        response = await this.#send(method, url, options);
        this.#noteRateLimit(response.headers);
        if (response.status < 400)
          return {
            status: response.status,
            headers: response.headers,
            body: await readBody(response),
          };
        outcome = {
          kind: 'response',
          status: response.status,
          retryAfter: response.headers.get('retry-after'),
        };
      } catch (error) {
        outcome = networkOutcome(error, this.#timeoutMs(options));
      }
      const decision = retryDecision(
        outcome,
        attempt,
        now() - started,
        options.safety,
        this.#policy,
        this.#options.random,
        now(),
      );
      if (decision.retry) {
        const delayMs = decision.delayMs * (this.#options.waitScale ?? 1);
        this.#options.onRetry?.({ method, url: shown, attempt, delayMs, why: decision.why });
        await this.#sleep(delayMs);
        continue;
      }
      throw await this.#error(method, shown, outcome, response, decision.why);
    }
  }

  async #send(method: string, url: URL, options: RequestOptions): Promise<Response> {
    const headers: { [name: string]: string } = {
      authorization: `Bearer ${this.#options.token}`,
      'user-agent': this.#options.userAgent,
      accept: 'application/json',
    };
    let body: string | Uint8Array | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.body !== undefined) {
      headers['content-type'] = options.contentType ?? 'application/octet-stream';
      body = options.body;
    }
    if (options.ifMatch) headers['if-match'] = options.ifMatch;
    const timeoutMs = this.#timeoutMs(options);
    const doFetch = this.#options.fetch ?? fetch;
    return doFetch(url, {
      method,
      headers,
      ...(body !== undefined ? { body: body as BodyInit } : {}),
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  }

  #timeoutMs(options: RequestOptions): number {
    return (this.#options.timeoutMs ?? 60_000) + (options.extraTimeoutMs ?? 0);
  }

  #noteRateLimit(headers: Headers): void {
    const now = (this.#options.now ?? Date.now)();
    const wait = rateLimitWaitMs(
      headers.get('x-ratelimit-remaining'),
      headers.get('x-ratelimit-reset'),
      now,
    );
    this.#holdUntil = wait > 0 ? now + wait : 0;
  }

  async #waitForRateLimit(started: number): Promise<void> {
    const now = (this.#options.now ?? Date.now)();
    const wait = this.#holdUntil - now;
    if (wait <= 0) return;
    if (now - started + wait > this.#policy.budgetMs) return; // let the server answer 429 rather than stall past the budget
    await this.#sleep(wait * (this.#options.waitScale ?? 1));
  }

  #sleep(ms: number): Promise<void> {
    if (this.#options.sleep) return this.#options.sleep(ms);
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  async #error(
    method: string,
    url: string,
    outcome: Outcome,
    response: Response | undefined,
    why: string,
  ): Promise<ZenodoError> {
    if (outcome.kind === 'network') {
      return new ZenodoError({
        method,
        url,
        status: 0,
        message: this.redact(`no response (${why})`),
        ambiguous: outcome.sent,
      });
    }
    const body = response ? await readBody(response).catch(() => undefined) : undefined;
    const parsed = parseErrorBody(body);
    return new ZenodoError({
      method,
      url,
      status: outcome.status,
      message: this.redact(parsed.message ?? response?.statusText ?? 'error'),
      fieldErrors: parsed.fieldErrors.map((error) => ({
        field: error.field,
        messages: error.messages.map((message) => this.redact(message)),
      })),
      ambiguous: outcome.status >= 500,
    });
  }
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return null;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function networkOutcome(error: unknown, timeoutMs: number): Outcome {
  const err = error as {
    name?: string;
    message?: string;
    cause?: { code?: string; message?: string };
  };
  if (err.name === 'TimeoutError' || err.name === 'AbortError')
    return {
      kind: 'network',
      sent: true,
      reason: `no answer within ${timeoutMs < 10_000 ? (timeoutMs / 1000).toFixed(1) : Math.round(timeoutMs / 1000)} s`,
    };
  const code = err.cause?.code ?? '';
  return {
    kind: 'network',
    sent: !NOT_SENT.has(code),
    reason: `connection failed${code ? ` (${code})` : err.cause?.message ? ` (${err.cause.message})` : ''}`,
  };
}
