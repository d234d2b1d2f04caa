/**
 * Faults an emulator injects before it handles a request, so clients' retries and idempotency
 * are tested against real HTTP: an error status (with Retry-After), a connection dropped before
 * the request is handled or after it was handled (the response is lost), or a slow response.
 */
export interface FaultRule {
  /** Only requests with this method (default: any). */
  method?: string;
  /** Only requests whose path (without the query) equals this string or matches this pattern. */
  path?: string | RegExp;
  /** How many matching requests to fault (default 1; Infinity for all). */
  times?: number;
  /** Answer with this status instead of handling the request. */
  status?: number;
  /** Sent as Retry-After (seconds) with `status`. */
  retryAfter?: number;
  /** Extra headers sent with `status`. */
  headers?: { [name: string]: string };
  /** The JSON body sent with `status` (default: a message naming the fault). */
  body?: unknown;
  /** Close the connection without a response: before handling the request, or after it. */
  drop?: 'before' | 'after';
  /** Wait this long before handling the request. */
  delayMs?: number;
}

export class FaultInjector {
  readonly #rules: Array<FaultRule & { left: number }> = [];

  add(rule: FaultRule): this {
    this.#rules.push({ ...rule, left: rule.times ?? 1 });
    return this;
  }

  clear(): void {
    this.#rules.length = 0;
  }

  /** The fault for this request, if any (and counts it). */
  take(method: string, path: string): FaultRule | undefined {
    const rule = this.#rules.find(
      (candidate) =>
        candidate.left > 0 &&
        (!candidate.method || candidate.method.toUpperCase() === method) &&
        (candidate.path === undefined ||
          (typeof candidate.path === 'string'
            ? candidate.path === path
            : candidate.path.test(path))),
    );
    if (rule) rule.left--;
    return rule;
  }

  /** Rules not yet used up. */
  get pending(): number {
    return this.#rules.filter((rule) => rule.left > 0).length;
  }
}
