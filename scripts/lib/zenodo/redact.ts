/**
 * Keeps the Zenodo token out of everything Capsule prints or writes: log lines, error messages,
 * URLs (`?access_token=`) and headers (`Authorization: Bearer`). The token itself is replaced
 * wherever it appears, whatever surrounds it.
 */
export const REDACTED = '<redacted>';

export type Redactor = (text: string) => string;

export function createRedactor(secrets: ReadonlyArray<string | undefined>): Redactor {
  // Short values would blank out ordinary words; real tokens are long.
  const values = secrets.filter(
    (value): value is string => typeof value === 'string' && value.length >= 4,
  );
  return (text) => {
    let out = text
      .replace(/(access_token=)[^&\s"']+/gi, `$1${REDACTED}`)
      .replace(/(authorization["']?\s*[:=]\s*["']?bearer\s+)[^\s"',}]+/gi, `$1${REDACTED}`);
    for (const value of values) out = out.split(value).join(REDACTED);
    return out;
  };
}

/** A stream whose every write passes through the redactor. */
export function redactingStream<T extends { write(text: string): unknown }>(
  stream: T,
  redact: Redactor,
): T {
  return new Proxy(stream, {
    get(target, property, receiver) {
      if (property === 'write') return (text: string) => target.write(redact(String(text)));
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}
