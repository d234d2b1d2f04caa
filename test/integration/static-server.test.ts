import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer } from '../../scripts/lib/site/static-server.ts';
import type { StaticServer } from '../../scripts/lib/site/static-server.ts';

let dir: string;
let server: StaticServer;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'capsule-serve-'));
  const write = (file: string, content: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  };
  write('index.html', '<h1>Home</h1>');
  write('404.html', '<h1>Page not found</h1>');
  write('records/a/index.html', '<h1>A</h1>'.repeat(100));
  write('files/a/plot.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(path.join(path.dirname(dir), 'outside.txt'), 'secret');
  server = await startStaticServer({ dir, base: '/archive/' });
});

afterAll(async () => server?.close());

/** A raw request (fetch would normalise `..` away before sending it). */
function get(
  pathname: string,
  headers: { [name: string]: string } = {},
): Promise<{
  status: number;
  headers: { [name: string]: string | string[] | undefined };
  body: Buffer;
}> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path: pathname, headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('the static server', () => {
  it('listens on 127.0.0.1 and serves the site under its base path', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/archive\/$/);
    expect((await get('/archive/')).body.toString()).toBe('<h1>Home</h1>');
    expect((await get('/archive/records/a/')).status).toBe(200);
    expect((await get('/archive/records/a')).headers.location).toBe('/archive/records/a/');
    expect((await get('/')).headers.location).toBe('/archive/');
  });

  it('answers a missing page with the site’s 404 page', async () => {
    const missing = await get('/archive/nope/');
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toContain('Page not found');
  });

  it('never serves a file outside the site folder', async () => {
    for (const attempt of [
      '/archive/../outside.txt',
      '/archive/%2e%2e/outside.txt',
      '/archive/..%2foutside.txt',
    ])
      expect((await get(attempt)).body.toString(), attempt).not.toContain('secret');
  });

  it('compresses text for clients that accept gzip, as hosts do', async () => {
    const response = await get('/archive/records/a/', { 'Accept-Encoding': 'gzip' });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(response.body).toString()).toBe('<h1>A</h1>'.repeat(100));
  });

  it('sandboxes preserved files, so an SVG opened directly cannot run on the site', async () => {
    const response = await get('/archive/files/a/plot.svg');
    expect(response.headers['content-type']).toBe('image/svg+xml');
    expect(response.headers['content-security-policy']).toContain('sandbox');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});
