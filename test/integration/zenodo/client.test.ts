import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ZenodoEmulator } from '../../../scripts/emulators/zenodo/server.ts';
import { ZenodoClient } from '../../../scripts/lib/zenodo/client.ts';
import { ZenodoError } from '../../../scripts/lib/zenodo/errors.ts';
import type { DepositMetadata } from '../../../scripts/lib/zenodo/types.ts';
import { TOKEN, setFaults, startEmulator } from '../../helpers/zenodo.ts';

/** The real client against the emulator: retries, waits, what it never repeats, what it never shows. */
let emulator: ZenodoEmulator;
let waits: number[];
let client: ZenodoClient;
beforeEach(async () => {
  emulator = await startEmulator();
  waits = [];
  client = makeClient(emulator.apiUrl);
});
afterEach(() => emulator.close());

function makeClient(baseUrl: string, token = TOKEN, timeoutMs = 2000): ZenodoClient {
  return new ZenodoClient({
    baseUrl,
    token,
    userAgent: 'capsule-test/1 (+https://example.org)',
    timeoutMs,
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
}

const metadata: DepositMetadata = {
  upload_type: 'other',
  title: 'A preserved analysis',
  creators: [{ name: 'Lovelace, Ada', orcid: '0000-0002-1825-0097' }],
  description: '<p>An analysis.</p>',
  access_right: 'open',
  license: 'cc-by-4.0',
  publication_date: '2026-11-22',
  version: '1',
  related_identifiers: [
    {
      identifier: 'https://archive.example.org/records/a/b/',
      relation: 'isAlternateIdentifier',
      scheme: 'url',
    },
  ],
};

describe('ZenodoClient', () => {
  it('retries a read on 503, honouring Retry-After, and on a dropped connection', async () => {
    const { id } = await client.createDeposition(metadata);
    await setFaults(emulator, {
      rules: [
        {
          method: 'GET',
          path: '/deposit/depositions/\\d+$',
          kind: 'status',
          status: 503,
          retryAfter: 7,
          times: 1,
        },
        { method: 'GET', path: '/deposit/depositions/\\d+$', kind: 'drop', times: 1 },
      ],
    });
    const deposition = await client.getDeposition(id);
    expect(deposition.id).toBe(id);
    expect(waits[0]).toBe(7000);
    expect(waits).toHaveLength(2);
    expect(emulator.requests.slice(-3).map((request) => request.status)).toEqual([
      503,
      'dropped',
      200,
    ]);
  });

  it('waits out a 429 even on a create, which the rate limiter turned away before it ran', async () => {
    await setFaults(emulator, {
      rules: [{ method: 'POST', kind: 'status', status: 429, retryAfter: 3, times: 1 }],
    });
    await client.createDeposition(metadata);
    expect(waits).toEqual([3000]);
    expect(emulator.store.depositions.size).toBe(1);
  });

  it('never repeats a create whose answer was lost, and says it may have happened', async () => {
    await setFaults(emulator, {
      rules: [
        { method: 'POST', path: '^/api/deposit/depositions$', kind: 'lost-response', times: 1 },
      ],
    });
    const error = await client.createDeposition(metadata).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ZenodoError);
    expect(error).toMatchObject({ status: 504, ambiguous: true, method: 'POST' });
    expect(emulator.requests).toHaveLength(1);
    expect(emulator.store.depositions.size).toBe(1); // Zenodo did create it
  });

  it('never repeats a publish cut off after Zenodo acted', async () => {
    const { id, links } = await client.createDeposition(metadata);
    await client.putFile(links.bucket!, 'record.yaml', new TextEncoder().encode('title: x\n'));
    await setFaults(emulator, {
      rules: [{ path: '/actions/publish$', kind: 'drop-after', times: 1 }],
    });
    const error = (await client.publish(id).catch((caught: unknown) => caught)) as ZenodoError;
    expect(error).toMatchObject({ status: 0, ambiguous: true });
    expect(emulator.requests.filter((request) => request.path.endsWith('/publish'))).toHaveLength(
      1,
    );
    expect((await client.getDeposition(id)).submitted).toBe(true);
  });

  it('gives up on a slow answer after its timeout, marking the call ambiguous', async () => {
    const slow = makeClient(emulator.apiUrl, TOKEN, 200);
    await setFaults(emulator, {
      rules: [
        {
          path: '^/api/deposit/depositions$',
          method: 'POST',
          kind: 'slow',
          phase: 'after',
          delayMs: 2000,
          times: 1,
        },
      ],
    });
    const error = (await slow
      .createDeposition(metadata)
      .catch((caught: unknown) => caught)) as ZenodoError;
    expect(error.message).toContain('no answer within 0.2 s');
    expect(error.ambiguous).toBe(true);
  });

  it('reports Zenodo’s field messages on a 400 and does not retry it', async () => {
    const error = (await client
      .createDeposition({ ...metadata, license: 'no-such-licence' })
      .catch((caught: unknown) => caught)) as ZenodoError;
    expect(error.status).toBe(400);
    expect(error.permanent).toBe(true);
    expect(error.fieldErrors).toEqual([
      { field: 'metadata.license', messages: ['Invalid licence: no-such-licence.'] },
    ]);
    expect(error.describe()).toContain('metadata.license: Invalid licence: no-such-licence.');
    expect(emulator.requests).toHaveLength(1);
  });

  it('sends its User-Agent and the token as a bearer header, never in the URL', async () => {
    await client.listDepositions({ q: 'title:x' });
    expect(emulator.requests[0]).toMatchObject({
      userAgent: 'capsule-test/1 (+https://example.org)',
      auth: 'bearer',
    });
  });

  it('keeps the token out of errors, even when Zenodo refuses it', async () => {
    const refused = makeClient(emulator.apiUrl, 'wrong-token-4bd1c9');
    const error = (await refused
      .listDepositions({})
      .catch((caught: unknown) => caught)) as ZenodoError;
    expect(error.status).toBe(403);
    expect(`${error.message} ${error.describe()} ${error.stack}`).not.toContain(
      'wrong-token-4bd1c9',
    );
  });

  it('refuses to send the token to a host other than the API’s', async () => {
    await expect(
      client.putFile('https://evil.example.org/api/files/abc', 'x', new Uint8Array(1)),
    ).rejects.toThrow(/Refusing to send the Zenodo token to https:\/\/evil\.example\.org/);
  });

  it('holds back when X-RateLimit-Remaining reaches 0, until the reset', async () => {
    await emulator.close();
    emulator = await startEmulator({ rateLimit: { limit: 2, windowMs: 60_000 } });
    const limited = makeClient(emulator.apiUrl);
    await limited.listDepositions({});
    await limited.listDepositions({});
    expect(waits).toEqual([]);
    // The emulator's window is real time and the test's sleeps are not: the call fails, after waiting.
    await limited.listDepositions({}).catch(() => undefined);
    // It waited (about a minute, the window) before the third call instead of firing it at once.
    expect(waits[0]).toBeGreaterThan(50_000);
    expect(waits[0]).toBeLessThanOrEqual(61_000);
  });
});
