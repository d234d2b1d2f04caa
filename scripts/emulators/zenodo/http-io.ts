import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestLogEntry } from './server.ts';

/** Reading requests and writing responses the way Zenodo's nginx front does. */
export const JSON_TYPE = 'application/json';
export const STANDARD_HEADERS = {
  server: 'capsule-zenodo-emulator',
  'access-control-allow-origin': '*',
  'access-control-expose-headers':
    'Content-Type, ETag, Link, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset',
  'x-content-type-options': 'nosniff',
};

export function bearer(request: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(String(request.headers.authorization ?? ''));
  return match?.[1];
}

export function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: { [name: string]: string } = {},
  type = JSON_TYPE,
): void {
  const payload =
    body === undefined || status === 204 || (status >= 300 && status < 400 && body === undefined)
      ? undefined
      : Buffer.isBuffer(body)
        ? body
        : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  response.writeHead(status, {
    ...STANDARD_HEADERS,
    'x-request-id': randomUUID().replace(/-/g, ''),
    ...(payload ? { 'content-type': type, 'content-length': String(payload.byteLength) } : {}),
    ...headers,
  });
  response.end(payload);
}

export function drop(
  request: IncomingMessage,
  response: ServerResponse,
  entry: RequestLogEntry,
): void {
  entry.status = 'dropped';
  request.socket.destroy();
  response.destroy();
}

export function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
    // A client that goes away mid-upload leaves nothing behind: the body never completes.
    request.on('close', () => {
      if (!request.complete)
        reject(new Error('The client closed the connection before the body was complete.'));
    });
  });
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
