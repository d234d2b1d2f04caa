/**
 * Fault injection, on demand: rules that match requests by method and path, or a seeded random
 * share of all requests. A fault strikes before the request is handled (an error status, a
 * dropped connection, a delay) or after it took effect (a slow answer, a lost response — 504 or a
 * dropped connection once the server has committed), which is what makes retries and
 * idempotency testable.
 */
export type FaultKind = 'status' | 'drop' | 'slow' | 'lost-response' | 'drop-after';

export interface FaultAction {
  kind: FaultKind;
  /** For `status` (default 503) and `lost-response` (default 504). */
  status?: number;
  /** Retry-After seconds sent with a 429 or 503. */
  retryAfter?: number;
  /** For `slow`. */
  delayMs?: number;
  /** For `slow`: delay before handling (default) or after it took effect. */
  phase?: 'before' | 'after';
}

export interface FaultRule extends FaultAction {
  method?: string;
  /** A regular expression matched against the request path (without the query). */
  path?: string;
  /** Let this many matching requests through first. */
  skip?: number;
  /** Strike this many times (default: every match). */
  times?: number;
}

export interface RandomFaults {
  /** Share of requests that fail, 0..1. */
  rate: number;
  seed: number;
  /** The faults to draw from (uniformly). */
  faults: FaultAction[];
}

export interface FaultConfig {
  rules?: FaultRule[];
  random?: RandomFaults;
}

interface LiveRule {
  rule: FaultRule;
  pattern: RegExp | undefined;
  seen: number;
  struck: number;
}

export class Faults {
  #rules: LiveRule[] = [];
  #random: RandomFaults | undefined;
  #next: () => number = () => 1;
  /** How many faults have struck, by kind: tests read it to know the faults were real. */
  readonly struck = new Map<string, number>();

  configure(config: FaultConfig): void {
    this.#rules = (config.rules ?? []).map((rule) => ({
      rule,
      pattern: rule.path === undefined ? undefined : new RegExp(rule.path),
      seen: 0,
      struck: 0,
    }));
    this.#random = config.random;
    this.#next = config.random ? mulberry32(config.random.seed) : () => 1;
  }

  clear(): void {
    this.configure({});
  }

  /** The fault for this request, if one strikes. */
  pick(method: string, path: string): FaultAction | undefined {
    for (const live of this.#rules) {
      const { rule } = live;
      if (rule.method && rule.method.toUpperCase() !== method) continue;
      if (live.pattern && !live.pattern.test(path)) continue;
      live.seen++;
      if (live.seen <= (rule.skip ?? 0)) continue;
      if (live.struck >= (rule.times ?? Infinity)) continue;
      live.struck++;
      return this.#count(rule);
    }
    const random = this.#random;
    if (random && random.faults.length > 0 && this.#next() < random.rate) {
      const index = Math.min(
        random.faults.length - 1,
        Math.floor(this.#next() * random.faults.length),
      );
      return this.#count(random.faults[index]!);
    }
    return undefined;
  }

  #count(action: FaultAction): FaultAction {
    const key =
      action.kind === 'status' || action.kind === 'lost-response'
        ? `${action.kind}:${action.status ?? ''}`
        : action.kind;
    this.struck.set(key, (this.struck.get(key) ?? 0) + 1);
    return action;
  }
}

/** A small seeded generator: the same seed gives the same faults in the same order. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
