import { startServer } from '../shared/http-server.ts';
import type { EmulatorServer } from '../shared/http-server.ts';
import type { Request, Response } from '../shared/router.ts';
import { githubRoutes, tokenOf } from './routes.ts';
import { GithubState } from './state.ts';

/**
 * A GitHub REST API on loopback, for tests and demos: point octokit's `baseUrl` at `url`.
 * See README.md for the routes, seeding and fault injection.
 */
export interface GithubEmulator extends EmulatorServer {
  /** The API base URL (what octokit calls `baseUrl`). */
  url: string;
  state: GithubState;
}

export async function startGithubEmulator(
  options: { port?: number } = {},
): Promise<GithubEmulator> {
  const state = new GithubState();
  let remaining = 5000;
  const server = await startServer({
    router: githubRoutes(state),
    ...(options.port !== undefined ? { port: options.port } : {}),
    authenticate: (request) => authenticate(state, request),
    headers: () => ({
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(Math.max(0, --remaining)),
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-github-media-type': 'github.v3; format=json',
    }),
    errorBody: (status, message) => ({ message, status: String(status) }),
  });
  return { ...server, url: server.origin, state };
}

function authenticate(state: GithubState, request: Request): Response | undefined {
  const token = tokenOf(request);
  const grant = token ? state.tokens.get(token) : undefined;
  if (!grant)
    return {
      status: 401,
      body: { message: token ? 'Bad credentials' : 'Requires authentication' },
    };
  if (grant.access === 'read' && request.method !== 'GET' && request.method !== 'HEAD')
    return { status: 403, body: { message: 'Resource not accessible by integration' } };
  return undefined;
}
