import { paginate } from '../../shared/pagination.ts';
import { error } from './context.ts';
import type { RouteContext } from './context.ts';

/** Project labels. */
export function labelRoutes(context: RouteContext): void {
  const { state, router, withProject } = context;

  router.on(
    'GET',
    '/projects/:id/labels',
    withProject((request, project) => paginate(request, [...project.labels.values()])),
  );
  router.on(
    'POST',
    '/projects/:id/labels',
    withProject((request, project) => {
      const { name, color, description } = (request.body ?? {}) as {
        name?: string;
        color?: string;
        description?: string;
      };
      if (!name || !color) return error(400, 'name and color are required');
      if (project.labels.has(name)) return error(409, 'Label already exists');
      const label = { id: state.id(), name, color, description: description ?? null };
      project.labels.set(name, label);
      return { status: 201, body: label };
    }),
  );
}
