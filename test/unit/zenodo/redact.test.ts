import { describe, expect, it } from 'vitest';
import { createRedactor, redactingStream } from '../../../scripts/lib/zenodo/redact.ts';

const TOKEN = 'Zq8wH3kLmN0pR5sT';

describe('createRedactor', () => {
  const redact = createRedactor([TOKEN]);

  it('replaces the token wherever it appears', () => {
    expect(redact(`failed with ${TOKEN} inside, and again:${TOKEN}`)).toBe(
      'failed with <redacted> inside, and again:<redacted>',
    );
  });

  it('redacts access_token query parameters and bearer headers even with another token', () => {
    expect(
      redact('GET https://zenodo.org/api/deposit/depositions?access_token=other123&page=2'),
    ).toBe('GET https://zenodo.org/api/deposit/depositions?access_token=<redacted>&page=2');
    expect(redact('{"Authorization": "Bearer someone-elses-token"}')).toBe(
      '{"Authorization": "Bearer <redacted>"}',
    );
  });

  it('leaves ordinary text alone and ignores empty secrets', () => {
    expect(createRedactor([undefined, ''])('Authorization failed')).toBe('Authorization failed');
  });
});

describe('redactingStream', () => {
  it('redacts every write and keeps the stream’s other properties', () => {
    const written: string[] = [];
    const stream = redactingStream(
      { write: (text: string) => written.push(text), isTTY: true },
      createRedactor([TOKEN]),
    );
    stream.write(`token=${TOKEN}\n`);
    expect(written).toEqual(['token=<redacted>\n']);
    expect(stream.isTTY).toBe(true);
  });
});
