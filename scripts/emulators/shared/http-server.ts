import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { FaultInjector } from './faults.ts';
import type { FaultRule } from './faults.ts';
import type { Request, Response, Router } from './router.ts';

/**
 * The HTTP side of an emulator: listens on loopback (port 0 unless given), decodes JSON bodies,
 * applies injected faults, dispatches to the API's router and logs every request. Control
 * endpoints under `/_emulator/` let a process other than the one that started the emulator add
 * faults and read the log.
 */
export interface LoggedRequest {
  method: string;
  path: string;
  query: string;
  status: number | 'dropped';
  body: unknown;
}

export interface EmulatorServer {
  /** e.g. `http://127.0.0.1:41234` */
  origin: string;
  faults: FaultInjector;
  requests: LoggedRequest[];
  close(): Promise<void>;
}

export interface ServerOptions {
  router: Router;
  /** Path prefix of the API (`/api/v4` for GitLab). */
  prefix?: string;
  port?: number;
  /** Called for every API request; returns an error response to refuse it. */
  authenticate?: (request: Request) => Response | undefined;
  /** Headers added to every response (rate-limit headers...). */
  headers?: () => { [name: string]: string };
  /** The body of an error response with this status and message. */
  errorBody: (status: number, message: string) => unknown;
}

const MAX_BODY = 10 * 1024 * 1024;

export async function startServer(options: ServerOptions): Promise<EmulatorServer> {
  const faults = new FaultInjector();
  const requests: LoggedRequest[] = [];
  let origin = '';
  const server: Server = createServer((incoming, outgoing) => {
    handle(incoming, outgoing).catch((error: unknown) => {
      if (!outgoing.headersSent)
        send(outgoing, 500, options.errorBody(500, `emulator error: ${(error as Error).message}`));
    });
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const url = new URL(incoming.url ?? '/', origin);
    const method = (incoming.method ?? 'GET').toUpperCase();
    const rawPath = (incoming.url ?? '/').split('?')[0] ?? '/';
    const text = await readBody(incoming);
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const log: LoggedRequest = { method, path: url.pathname, query: url.search, status: 0, body };

    if (url.pathname.startsWith('/_emulator/')) {
      const control = controlRequest(method, url.pathname, body, faults, requests);
      send(outgoing, control.status, control.body);
      return;
    }
    requests.push(log);

    const fault = faults.take(method, url.pathname);
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault?.drop === 'before') {
      log.status = 'dropped';
      incoming.socket.destroy();
      return;
    }
    if (fault?.status) {
      log.status = fault.status;
      const headers: { [name: string]: string } = { ...fault.headers };
      if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
      send(
        outgoing,
        fault.status,
        fault.body ?? options.errorBody(fault.status, `injected fault: ${fault.status}`),
        { ...options.headers?.(), ...headers },
      );
      return;
    }

    const prefix = options.prefix ?? '';
    const apiPath = rawPath.startsWith(prefix) ? rawPath.slice(prefix.length) : undefined;
    const matched = apiPath === undefined ? undefined : options.router.match(method, apiPath);
    let response: Response;
    if (!matched) {
      response = {
        status: 404,
        body: options.errorBody(404, `no route for ${method} ${url.pathname}`),
      };
    } else {
      const request: Request = {
        method,
        path: url.pathname,
        params: matched.params,
        query: url.searchParams,
        headers: incoming.headers,
        body,
        origin,
      };
      response = options.authenticate?.(request) ?? (await matched.handler(request));
    }
    log.status = response.status;
    if (fault?.drop === 'after') {
      // The request was handled; its response is lost on the way back.
      log.status = 'dropped';
      incoming.socket.destroy();
      return;
    }
    send(outgoing, response.status, response.body, { ...options.headers?.(), ...response.headers });
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    faults,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function readBody(incoming: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        incoming.destroy();
        return;
      }
      chunks.push(chunk);
    });
    incoming.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    incoming.on('error', reject);
  });
}

function send(
  outgoing: ServerResponse,
  status: number,
  body: unknown,
  headers: { [name: string]: string } = {},
): void {
  const payload = status === 204 || body === undefined ? '' : JSON.stringify(body);
  outgoing.writeHead(status, {
    ...(payload ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    'content-length': Buffer.byteLength(payload),
    ...headers,
  });
  outgoing.end(payload);
}

function controlRequest(
  method: string,
  path: string,
  body: unknown,
  faults: FaultInjector,
  requests: LoggedRequest[],
): Response {
  if (path === '/_emulator/faults' && method === 'POST') {
    const rules = (Array.isArray(body) ? body : [body]) as Array<FaultRule & { path?: string }>;
    for (const rule of rules) faults.add(rule);
    return { status: 201, body: { pending: faults.pending } };
  }
  if (path === '/_emulator/faults' && method === 'DELETE') {
    faults.clear();
    return { status: 204 };
  }
  if (path === '/_emulator/requests' && method === 'GET') return { status: 200, body: requests };
  return { status: 404, body: { message: `no control endpoint ${method} ${path}` } };
}
