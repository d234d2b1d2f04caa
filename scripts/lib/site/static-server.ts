import { createReadStream, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { createGzip } from 'node:zlib';

/**
 * A small static file server for a built site, on 127.0.0.1: what `capsule serve` and the browser
 * tests use. It serves the site under its base path, `index.html` for folders, the site's
 * 404 page, gzip for text (as a real host would, so transfer sizes are realistic), and never a
 * file outside the site folder.
 */
export interface StaticServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  dir: string;
  /** The site's base path (`/` or `/archive/`). */
  base?: string;
  port?: number;
  host?: string;
}

const TYPES: { [extension: string]: string } = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.yaml': 'text/plain; charset=utf-8',
  '.yml': 'text/plain; charset=utf-8',
  '.c': 'text/plain; charset=utf-8',
  '.py': 'text/plain; charset=utf-8',
  '.ipynb': 'application/json; charset=utf-8',
  // Record exports (site/exports.ts).
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.cff': 'application/yaml; charset=utf-8',
  '.tex': 'application/x-tex; charset=utf-8',
  '.zip': 'application/zip',
};

const COMPRESSIBLE =
  /^(text\/|application\/(json|ld\+json|xml|javascript|x-bibtex|yaml|x-tex))|image\/svg\+xml/;

/** Preserved files (downloads, figures) cannot run anything on the site's origin, whatever they hold. */
const FILE_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

export function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = path.resolve(options.dir);
  const base = normaliseBase(options.base ?? '/');
  const server = createServer((request, response) => handle(root, base, request, response));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      const address = server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        url: `http://${host}:${address.port}${base}`,
        port: address.port,
        close: () => closeServer(server),
      });
    });
  });
}

function handle(
  root: string,
  base: string,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  } catch {
    response.writeHead(400).end('Bad request');
    return;
  }
  if (!pathname.startsWith(base) && `${pathname}/` !== base) {
    if (pathname === '/' && base !== '/') {
      response.writeHead(302, { Location: base }).end();
      return;
    }
    return notFound(root, request, response);
  }
  const relative = pathname.slice(Math.min(pathname.length, base.length));
  const file = path.resolve(root, `.${path.posix.sep}${relative}`);
  if (file !== root && !file.startsWith(`${root}${path.sep}`))
    return notFound(root, request, response);
  let stats = statOrUndefined(file);
  let target = file;
  if (stats?.isDirectory()) {
    if (!pathname.endsWith('/')) {
      response.writeHead(301, { Location: `${pathname}/` }).end();
      return;
    }
    target = path.join(file, 'index.html');
    stats = statOrUndefined(target);
  }
  if (!stats?.isFile()) return notFound(root, request, response);
  send(target, stats, 200, request, response, relative.startsWith('files/'));
}

function notFound(root: string, request: IncomingMessage, response: ServerResponse): void {
  const page = path.join(root, '404.html');
  const stats = statOrUndefined(page);
  if (stats?.isFile()) return send(page, stats, 404, request, response);
  response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
}

function send(
  file: string,
  stats: Stats,
  status: number,
  request: IncomingMessage,
  response: ServerResponse,
  preserved = false,
): void {
  const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const headers: { [name: string]: string | number } = {
    'Content-Type': type,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    'Last-Modified': stats.mtime.toUTCString(),
  };
  if (preserved) headers['Content-Security-Policy'] = FILE_POLICY;
  const gzip =
    COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  if (gzip) {
    headers['Content-Encoding'] = 'gzip';
    headers.Vary = 'Accept-Encoding';
  } else headers['Content-Length'] = stats.size;
  response.writeHead(status, headers);
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => response.destroy());
  if (gzip) stream.pipe(createGzip()).pipe(response);
  else stream.pipe(response);
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function normaliseBase(base: string): string {
  const withLeading = base.startsWith('/') ? base : `/${base}`;
  return withLeading.endsWith('/') ? withLeading : `${withLeading}/`;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
