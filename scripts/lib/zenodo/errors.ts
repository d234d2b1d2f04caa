/**
 * What can go wrong talking to Zenodo, in terms a person can act on. Messages never hold the
 * token: URLs are redacted before they get here.
 */
export interface FieldError {
  field: string;
  messages: string[];
}

export class ZenodoError extends Error {
  override name = 'ZenodoError';
  readonly method: string;
  readonly url: string;
  /** HTTP status; 0 when no response arrived (network error, timeout). */
  readonly status: number;
  readonly fieldErrors: FieldError[];
  /**
   * The request may have taken effect although no success response arrived (a 5xx, a timeout, a
   * dropped connection after the request was sent). A call that is not safe to repeat must then
   * be resolved by reading the server's state back.
   */
  readonly ambiguous: boolean;

  constructor(options: {
    method: string;
    url: string;
    status: number;
    message: string;
    fieldErrors?: FieldError[];
    ambiguous: boolean;
  }) {
    super(options.message);
    this.method = options.method;
    this.url = options.url;
    this.status = options.status;
    this.fieldErrors = options.fieldErrors ?? [];
    this.ambiguous = options.ambiguous;
  }

  /** One line per field error, as Zenodo words them. */
  describe(): string {
    const head = `${this.method} ${this.url}: ${this.status === 0 ? '' : `${this.status} `}${this.message}`;
    return [
      head,
      ...this.fieldErrors.map((error) => `  ${error.field}: ${error.messages.join(' ')}`),
    ].join('\n');
  }

  /** A validation error (400) or a refusal that repeating the request will not change. */
  get permanent(): boolean {
    return this.status >= 400 && this.status < 500 && this.status !== 408 && this.status !== 429;
  }
}

/**
 * Reads Zenodo's error body: `{message, status, errors: [{field, messages: [...]}]}` today, or
 * the pre-2023 `errors: [{field, message}]`.
 */
export function parseErrorBody(body: unknown): { message?: string; fieldErrors: FieldError[] } {
  if (body === null || typeof body !== 'object') return { fieldErrors: [] };
  const data = body as { message?: unknown; errors?: unknown };
  const fieldErrors: FieldError[] = [];
  if (Array.isArray(data.errors)) {
    for (const item of data.errors) {
      if (item === null || typeof item !== 'object') continue;
      const entry = item as { field?: unknown; messages?: unknown; message?: unknown };
      const messages = Array.isArray(entry.messages)
        ? entry.messages.map(String)
        : typeof entry.message === 'string'
          ? [entry.message]
          : [];
      fieldErrors.push({
        field: typeof entry.field === 'string' ? entry.field : '(record)',
        messages,
      });
    }
  } else if (typeof data.errors === 'string') {
    fieldErrors.push({ field: '(record)', messages: [data.errors] });
  }
  const result: { message?: string; fieldErrors: FieldError[] } = { fieldErrors };
  if (typeof data.message === 'string') result.message = data.message;
  return result;
}
