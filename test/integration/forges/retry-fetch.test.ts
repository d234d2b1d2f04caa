import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { requestedWait, retryingFetch } from '../../../scripts/lib/forges/retry-fetch.ts';
import type { RetryEvent } from '../../../scripts/lib/forges/retry-fetch.ts';

/** The forge retry policy over real HTTP: a loopback server answering from a script. */
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function serve(answers: Array<number | 'drop'>): Promise<{ url: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(request.method ?? '');
    const answer = answers.shift() ?? 200;
    if (answer === 'drop') {
      request.socket.destroy();
      return;
    }
    response.writeHead(answer, { 'content-type': 'application/json' });
    response.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = () => new Promise((resolve) => server.close(() => resolve()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`, hits };
}

function policy() {
  const waits: number[] = [];
  const retries: RetryEvent[] = [];
  const fetch = retryingFetch({
    sleep: async (ms) => void waits.push(ms),
    onRetry: (event) => void retries.push(event),
  });
  return { fetch, waits, retries };
}

describe('the forge retry policy', () => {
  it('retries a GET after 5xx and a dropped connection, and gives up after four tries', async () => {
    const { url, hits } = await serve([502, 'drop', 500, 503, 200]);
    const { fetch, waits } = policy();
    const response = await fetch(url);
    expect(response.status).toBe(503);
    expect(hits).toHaveLength(4);
    expect(waits).toEqual([1000, 2000, 4000]);
  });

  it('does not repeat a POST the server may have applied, but does after 429 and 503', async () => {
    const first = await serve([500]);
    const { fetch, retries } = policy();
    expect((await fetch(first.url, { method: 'POST', body: '{}' })).status).toBe(500);
    expect(first.hits).toEqual(['POST']);
    await close?.();

    const second = await serve(['drop']);
    await expect(fetch(second.url, { method: 'POST', body: '{}' })).rejects.toThrow();
    expect(second.hits).toEqual(['POST']);
    await close?.();

    const third = await serve([429, 503, 201]);
    expect((await fetch(third.url, { method: 'POST', body: '{"a":1}' })).status).toBe(201);
    expect(third.hits).toEqual(['POST', 'POST', 'POST']);
    expect(retries.map((r) => r.reason)).toEqual(['429 rate limited', '503 Service Unavailable']);
  });

  it('sends a Request’s body again on each try', async () => {
    const bodies: string[] = [];
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        bodies.push(body);
        response.writeHead(bodies.length === 1 ? 429 : 200, { 'retry-after': '0' });
        response.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    close = () => new Promise((resolve) => server.close(() => resolve()));
    const { fetch, waits } = policy();
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const response = await fetch(new Request(url, { method: 'PUT', body: 'labels=a,b' }));
    expect(response.status).toBe(200);
    expect(bodies).toEqual(['labels=a,b', 'labels=a,b']);
    expect(waits).toEqual([0]);
  });

  it('retries any request whose connection was refused, since nothing was sent', async () => {
    const { url } = await serve([]);
    await close?.();
    close = undefined;
    const { fetch, waits } = policy();
    await expect(fetch(url, { method: 'POST', body: '{}' })).rejects.toThrow();
    expect(waits).toEqual([1000, 2000, 4000]);
  });

  it('reads Retry-After as seconds or a date, and a spent GitHub rate limit as its reset', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(requestedWait(new Headers({ 'retry-after': '7' }), now)).toBe(7000);
    expect(
      requestedWait(new Headers({ 'retry-after': 'Sun, 22 Nov 2026 10:00:30 GMT' }), now),
    ).toBe(30_000);
    expect(
      requestedWait(
        new Headers({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 45) }),
        now,
      ),
    ).toBe(45_000);
    expect(requestedWait(new Headers({ 'x-ratelimit-remaining': '12' }), now)).toBeUndefined();
  });
});
