/**
 * Routes of an emulated REST API: `GET /repos/:owner/:repo/pulls/:number` style patterns. A
 * segment is matched before it is decoded, so a GitLab project path sent as `group%2Fname`
 * is one parameter, as on the real service.
 */
export interface Request {
  method: string;
  path: string;
  params: { [name: string]: string };
  query: URLSearchParams;
  headers: { [name: string]: string | string[] | undefined };
  body: unknown;
  /** Base URL of the emulator, for links in responses. */
  origin: string;
}

export interface Response {
  status: number;
  body?: unknown;
  headers?: { [name: string]: string };
}

export type Handler = (request: Request) => Response | Promise<Response>;

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
}

export class Router {
  readonly #routes: Route[] = [];

  on(method: string, pattern: string, handler: Handler): this {
    this.#routes.push({ method, segments: pattern.split('/').filter(Boolean), handler });
    return this;
  }

  /** The handler and parameters for a raw (still encoded) path, if a route matches. */
  match(
    method: string,
    rawPath: string,
  ): { handler: Handler; params: { [name: string]: string } } | undefined {
    const parts = rawPath.split('/').filter(Boolean);
    let pathMatched = false;
    for (const route of this.#routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      pathMatched = true;
      if (route.method === method) return { handler: route.handler, params };
    }
    if (pathMatched)
      return {
        handler: () => ({ status: 405, body: { message: 'Method Not Allowed' } }),
        params: {},
      };
    return undefined;
  }
}

function matchSegments(pattern: string[], parts: string[]): { [name: string]: string } | undefined {
  const params: { [name: string]: string } = {};
  for (let i = 0; i < pattern.length; i++) {
    const segment = pattern[i] as string;
    if (segment.startsWith('*')) {
      // A trailing wildcard takes the rest of the path (file paths, ref names with slashes).
      if (i >= parts.length) return undefined;
      params[segment.slice(1)] = parts.slice(i).map(decodeURIComponent).join('/');
      return params;
    }
    const part = parts[i];
    if (part === undefined) return undefined;
    if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(part);
    else if (segment !== part) return undefined;
  }
  return pattern.length === parts.length ? params : undefined;
}
