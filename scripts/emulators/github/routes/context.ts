import { createHash } from 'node:crypto';
import type { Request, Response, Router } from '../../shared/router.ts';
import type { GithubState, Repository } from '../state.ts';

/** What every group of GitHub routes shares: the state, the router, URLs and error answers. */
export interface RouteContext {
  state: GithubState;
  router: Router;
  withRepo: (
    handler: (request: Request, repository: Repository) => Response | Promise<Response>,
  ) => (request: Request) => Response | Promise<Response>;
  apiUrl: (request: Request, repository: Repository, rest: string) => string;
  htmlUrl: (repository: Repository, rest?: string) => string;
}

export const error = (status: number, message: string, extra: object = {}): Response => ({
  status,
  body: { message, documentation_url: 'https://docs.github.com/rest', ...extra },
});
export const notFound = () => error(404, 'Not Found');
export const invalid = (message: string, errors: unknown[] = []) =>
  error(422, message, errors.length > 0 ? { errors } : {});

export function routeContext(state: GithubState, router: Router): RouteContext {
  return {
    state,
    router,
    withRepo: (handler) => (request) => {
      const repository = state.repository(request.params.owner ?? '', request.params.repo ?? '');
      return repository ? handler(request, repository) : notFound();
    },
    apiUrl: (request, repository, rest) =>
      `${request.origin}/repos/${repository.owner}/${repository.name}${rest}`,
    htmlUrl: (repository, rest = '') =>
      `https://github.example/${repository.owner}/${repository.name}${rest}`,
  };
}

export function userOf(state: GithubState, request: Request) {
  const token = tokenOf(request);
  return (
    (token && state.tokens.get(token)?.user) || { login: 'ghost', id: 10137, type: 'User' as const }
  );
}

export function tokenOf(request: Request): string | undefined {
  const header = request.headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^(?:token|bearer)\s+(.+)$/i.exec(value ?? '');
  return match?.[1];
}

/** git's blob id of a text: what the contents API calls a file's sha. */
export function blobSha(content: string): string {
  const bytes = Buffer.from(content);
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** Now, as GitHub writes times. */
export { now } from '../state.ts';
