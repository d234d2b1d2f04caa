import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { controlRequest } from './control.ts';
import { DepositionApi } from './depositions.ts';
import type { Reply } from './depositions.ts';
import { Faults } from './faults.ts';
import type { FaultAction, FaultConfig } from './faults.ts';
import { FilesApi } from './files.ts';
import { RateLimiter } from './rate-limit.ts';
import type { RateLimitOptions } from './rate-limit.ts';
import { buildRoutes, findRoute } from './routes.ts';
import type { RawReply } from './routes.ts';
import type { Urls } from './serialize.ts';
import { ZenodoStore } from './store.ts';
import { bearer, delay, drop, readBody, send } from './http-io.ts';

/**
 * A Zenodo emulator on loopback: the deposit API with zenodo.org's status codes and payloads,
 * state in memory, and faults on demand (options, or `POST /_emulator/faults` while it runs).
 */
export interface EmulatorOptions {
  port?: number;
  host?: string;
  /** Bearer tokens it accepts; when empty, any non-empty token. */
  tokens?: string[];
  /** 10.5072 (the sandbox's test prefix) unless told 10.5281. */
  doiPrefix?: string;
  /** The first id of the shared record/concept id sequence. */
  firstId?: number;
  rateLimit?: RateLimitOptions;
  /** How long a new deposition stays invisible to search (Zenodo's index refresh). */
  searchLagMs?: number;
  faults?: FaultConfig;
  now?: () => Date;
}

export interface RequestLogEntry {
  seq: number;
  method: string;
  path: string;
  status: number | 'dropped';
  fault?: string;
  userAgent: string;
  auth: 'bearer' | 'query' | 'none';
  contentLength?: string;
}

export interface ZenodoEmulator {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `http://127.0.0.1:<port>/api`: the base URL a client is given. */
  apiUrl: string;
  store: ZenodoStore;
  faults: Faults;
  requests: RequestLogEntry[];
  close(): Promise<void>;
}

export async function startZenodoEmulator(options: EmulatorOptions = {}): Promise<ZenodoEmulator> {
  const now = options.now ?? (() => new Date());
  const store = new ZenodoStore({
    doiPrefix: options.doiPrefix ?? '10.5072',
    firstId: options.firstId ?? 100_001,
    now,
    searchLagMs: options.searchLagMs ?? 0,
  });
  const faults = new Faults();
  if (options.faults) faults.configure(options.faults);
  const limiter = new RateLimiter(options.rateLimit ?? { limit: 1000, windowMs: 60_000 });
  let urls: Urls = { api: '', site: '' };
  const depositions = new DepositionApi(store, () => urls);
  const routes = buildRoutes(store, depositions, new FilesApi(store, () => urls), () => urls);
  const requests: RequestLogEntry[] = [];
  const tokens = new Set(options.tokens ?? []);

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: Error) => {
      if (!response.headersSent)
        send(response, 500, {
          status: 500,
          message: `The server encountered an internal error: ${error.message}`,
          error_id: randomUUID(),
        });
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', urls.site);
    const method = request.method ?? 'GET';
    if (url.pathname.startsWith('/_emulator/')) {
      const body = await readBody(request);
      const reply = controlRequest(method, url.pathname, body, {
        store,
        faults,
        requests,
        limiter,
      });
      return send(response, reply.status, reply.body);
    }
    const entry: RequestLogEntry = {
      seq: requests.length + 1,
      method,
      path: url.pathname,
      status: 0,
      userAgent: String(request.headers['user-agent'] ?? ''),
      auth: request.headers.authorization
        ? 'bearer'
        : url.searchParams.has('access_token')
          ? 'query'
          : 'none',
      ...(request.headers['content-length']
        ? { contentLength: String(request.headers['content-length']) }
        : {}),
    };
    requests.push(entry);
    const fault = faults.pick(method, url.pathname);
    if (fault)
      entry.fault =
        fault.kind === 'status' || fault.kind === 'lost-response'
          ? `${fault.kind} ${fault.status ?? ''}`.trim()
          : fault.kind;
    if (fault?.kind === 'drop') return drop(request, response, entry);
    if (fault?.kind === 'status') {
      const status = fault.status ?? 503;
      entry.status = status;
      const headers: { [name: string]: string } =
        status === 429 || status === 503 ? { 'retry-after': String(fault.retryAfter ?? 1) } : {};
      return send(
        response,
        status,
        {
          status,
          message:
            status === 429 ? 'Too many requests.' : 'The server encountered an internal error.',
          error_id: randomUUID(),
        },
        headers,
      );
    }
    if (fault?.kind === 'slow' && fault.phase !== 'after') await delay(fault.delayMs ?? 1000);

    const body = await readBody(request);
    const reply = apply(request, url, method, body);
    entry.status = reply.status;

    if (fault?.kind === 'lost-response') {
      // The change is committed; the gateway gives up waiting for the answer.
      entry.status = fault.status ?? 504;
      return send(
        response,
        entry.status,
        '<html><body><h1>504 Gateway Time-out</h1></body></html>',
        {},
        'text/html',
      );
    }
    if (fault?.kind === 'drop-after') return drop(request, response, entry);
    if (fault?.kind === 'slow' && fault.phase === 'after') await delay(fault.delayMs ?? 1000);
    if ('raw' in reply) return send(response, 200, reply.raw, reply.headers, reply.type);
    send(response, reply.status, reply.body, reply.headers);
  }

  function apply(
    request: IncomingMessage,
    url: URL,
    method: string,
    body: Buffer,
  ):
    | (Reply & { headers: { [name: string]: string } })
    | (RawReply & { headers: { [name: string]: string } }) {
    const token = bearer(request) ?? url.searchParams.get('access_token') ?? '';
    const limit = limiter.take(token || (request.socket.remoteAddress ?? ''), now().getTime());
    const withLimit = <T extends Reply | RawReply>(reply: T) => ({
      ...reply,
      headers: { ...limit.headers, ...('headers' in reply ? reply.headers : {}) },
    });
    if (!limit.allowed)
      return withLimit({ status: 429, body: { status: 429, message: 'Too many requests.' } });
    // Zenodo-RDM answers a missing or unknown token with 403 (its tests say "should be 401").
    if (!token || (tokens.size > 0 && !tokens.has(token)))
      return withLimit({ status: 403, body: { status: 403, message: 'Permission denied.' } });
    if (!url.pathname.startsWith('/api/'))
      return withLimit({ status: 404, body: { status: 404, message: 'Not found.' } });
    const found = findRoute(routes, method, url.pathname.slice(4));
    if (!found) return withLimit({ status: 404, body: { status: 404, message: 'Not found.' } });
    if (found === 'method')
      return withLimit({
        status: 405,
        body: { status: 405, message: 'The method is not allowed for the requested URL.' },
      });
    let json: unknown;
    const type = String(request.headers['content-type'] ?? '');
    if (
      body.length > 0 &&
      !url.pathname.startsWith('/api/files/') &&
      !type.startsWith('multipart/')
    ) {
      if (!type.includes('json'))
        return withLimit({
          status: 415,
          body: { status: 415, message: 'Unsupported media type.' },
        });
      try {
        json = JSON.parse(body.toString('utf8'));
      } catch {
        return withLimit({
          status: 400,
          body: {
            status: 400,
            message: 'The browser (or proxy) sent a request that this server could not understand.',
          },
        });
      }
    }
    return withLimit(
      found.handler({
        params: found.params,
        query: url.searchParams,
        headers: request.headers,
        body,
        json,
      }),
    );
  }

  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const address = server.address() as AddressInfo;
  const site = `http://${address.address}:${address.port}`;
  urls = { api: `${site}/api`, site };
  return {
    url: site,
    apiUrl: urls.api,
    store,
    faults,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type { FaultAction, FaultConfig };
