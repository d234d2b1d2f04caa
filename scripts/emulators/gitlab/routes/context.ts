import type { Request, Response, Router } from '../../shared/router.ts';
import type { GitlabState, GitlabUser, MergeRequest, Project } from '../state.ts';

/** What every group of GitLab routes shares: the state, the router, lookups and answers. */
export interface RouteContext {
  state: GitlabState;
  router: Router;
  withProject: (
    handler: (request: Request, project: Project) => Response | Promise<Response>,
  ) => (request: Request) => Response | Promise<Response>;
  withMergeRequest: (
    handler: (request: Request, project: Project, mr: MergeRequest) => Response | Promise<Response>,
  ) => (request: Request) => Response | Promise<Response>;
  webUrl: (project: Project, rest?: string) => string;
}

export const error = (status: number, message: unknown): Response => ({
  status,
  body: { message },
});
export const notFound = (what = '404 Not found') => error(404, what);

export function routeContext(state: GitlabState, router: Router): RouteContext {
  const withProject: RouteContext['withProject'] = (handler) => (request) => {
    const project = state.project(request.params.id ?? '');
    return project ? handler(request, project) : notFound('404 Project Not Found');
  };
  return {
    state,
    router,
    withProject,
    withMergeRequest: (handler) =>
      withProject((request, project) => {
        const mergeRequest = project.mergeRequests.get(Number(request.params.iid));
        return mergeRequest ? handler(request, project, mergeRequest) : notFound();
      }),
    webUrl: (project, rest = '') => `https://gitlab.example/${project.path_with_namespace}${rest}`,
  };
}

export const userJson = (user: GitlabUser) => ({
  id: user.id,
  username: user.username,
  name: user.name,
  bot: user.bot,
  state: 'active',
});

export function grantOf(state: GitlabState, request: Request) {
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const token =
    header('private-token') ??
    header('job-token') ??
    /^bearer\s+(.+)$/i.exec(header('authorization') ?? '')?.[1];
  return token ? state.tokens.get(token) : undefined;
}

export { now } from '../state.ts';
