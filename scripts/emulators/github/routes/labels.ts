import { paginate } from '../../shared/pagination.ts';
import { error, invalid, notFound } from './context.ts';
import type { RouteContext } from './context.ts';

/** Repository labels and the labels of a pull request. */
export function labelRoutes(context: RouteContext): void {
  const { state, router, withRepo } = context;
  router.on(
    'GET',
    '/repos/:owner/:repo/labels',
    withRepo((request, repository) => paginate(request, [...repository.labels.values()])),
  );
  router.on(
    'GET',
    '/repos/:owner/:repo/labels/:name',
    withRepo((request, repository) => {
      const label = repository.labels.get(request.params.name ?? '');
      return label ? { status: 200, body: label } : notFound();
    }),
  );
  router.on(
    'POST',
    '/repos/:owner/:repo/labels',
    withRepo((request, repository) => {
      const { name, color, description } = (request.body ?? {}) as {
        name?: string;
        color?: string;
        description?: string;
      };
      if (!name) return invalid('Validation Failed', [{ field: 'name', code: 'missing_field' }]);
      if (repository.labels.has(name))
        return invalid('Validation Failed', [
          { resource: 'Label', code: 'already_exists', field: 'name' },
        ]);
      const label = {
        id: state.id(),
        name,
        color: color ?? 'ededed',
        description: description ?? null,
      };
      repository.labels.set(name, label);
      return { status: 201, body: label };
    }),
  );
  router.on(
    'GET',
    '/repos/:owner/:repo/issues/:number/labels',
    withRepo((request, repository) => {
      const number = Number(request.params.number);
      if (!repository.pulls.has(number)) return notFound();
      return paginate(
        request,
        (repository.issueLabels.get(number) ?? []).map((name) => repository.labels.get(name)),
      );
    }),
  );
  router.on(
    'POST',
    '/repos/:owner/:repo/issues/:number/labels',
    withRepo((request, repository) => {
      const number = Number(request.params.number);
      if (!repository.pulls.has(number)) return notFound();
      const names = ((request.body ?? {}) as { labels?: unknown }).labels;
      if (!Array.isArray(names) || !names.every((name) => typeof name === 'string'))
        return invalid('Validation Failed', [{ field: 'labels', code: 'invalid' }]);
      const current = repository.issueLabels.get(number) ?? [];
      for (const name of names) {
        if (!repository.labels.has(name))
          repository.labels.set(name, { id: state.id(), name, color: 'ededed', description: null });
        if (!current.includes(name)) current.push(name);
      }
      repository.issueLabels.set(number, current);
      return { status: 200, body: current.map((name) => repository.labels.get(name)) };
    }),
  );
  router.on(
    'DELETE',
    '/repos/:owner/:repo/issues/:number/labels/:name',
    withRepo((request, repository) => {
      const number = Number(request.params.number);
      const current = repository.issueLabels.get(number) ?? [];
      if (!current.includes(request.params.name ?? '')) return error(404, 'Label does not exist');
      repository.issueLabels.set(
        number,
        current.filter((name) => name !== request.params.name),
      );
      return {
        status: 200,
        body: (repository.issueLabels.get(number) ?? []).map((name) => repository.labels.get(name)),
      };
    }),
  );
}
