import { error, grantOf, userJson } from './context.ts';
import type { RouteContext } from './context.ts';

/** The current user and the project. */
export function projectRoutes(context: RouteContext): void {
  const { state, router, withProject, webUrl } = context;

  router.on('GET', '/user', (request) => {
    const grant = grantOf(state, request);
    return grant ? { status: 200, body: userJson(grant.user) } : error(401, '401 Unauthorized');
  });

  router.on(
    'GET',
    '/projects/:id',
    withProject((_request, project) => ({
      status: 200,
      body: {
        id: project.id,
        name: project.name,
        path: project.name,
        path_with_namespace: project.path_with_namespace,
        description: project.description,
        default_branch: project.default_branch,
        visibility: project.visibility,
        web_url: webUrl(project),
      },
    })),
  );
}
