import { startServer } from '../shared/http-server.ts';
import type { EmulatorServer } from '../shared/http-server.ts';
import type { Request, Response } from '../shared/router.ts';
import { gitlabRoutes, grantOf } from './routes.ts';
import { GitlabState } from './state.ts';

/**
 * A GitLab REST API (v4) on loopback, for tests and demos: point gitbeaker's `host` at `url`.
 * See README.md for the routes, seeding and fault injection.
 */
export interface GitlabEmulator extends EmulatorServer {
  /** The instance URL (what gitbeaker calls `host`); the API is below `/api/v4`. */
  url: string;
  state: GitlabState;
}

export async function startGitlabEmulator(
  options: { port?: number } = {},
): Promise<GitlabEmulator> {
  const state = new GitlabState();
  const server = await startServer({
    router: gitlabRoutes(state),
    prefix: '/api/v4',
    ...(options.port !== undefined ? { port: options.port } : {}),
    authenticate: (request) => authenticate(state, request),
    headers: () => ({ 'ratelimit-limit': '2000', 'ratelimit-remaining': '1999' }),
    errorBody: (status, message) => ({ message: `${status} ${message}` }),
  });
  return { ...server, url: server.origin, state };
}

function authenticate(state: GitlabState, request: Request): Response | undefined {
  const grant = grantOf(state, request);
  if (!grant) return { status: 401, body: { message: '401 Unauthorized' } };
  if (grant.access === 'read' && request.method !== 'GET')
    return {
      status: 403,
      body: {
        error: 'insufficient_scope',
        error_description:
          'The request requires higher privileges than provided by the access token.',
        scope: 'api',
      },
    };
  return undefined;
}
