import { paginate } from '../../shared/pagination.ts';
import type { Request } from '../../shared/router.ts';
import { notFound } from './context.ts';
import type { RouteContext } from './context.ts';
import type { Repository } from '../state.ts';

/** Pull requests and the files they change. */
export function pullRoutes(context: RouteContext): void {
  const { router, withRepo, apiUrl, htmlUrl } = context;
  const pullJson = (request: Request, repository: Repository, number: number) => {
    const pull = repository.pulls.get(number);
    if (!pull) return undefined;
    return {
      ...pull,
      files: undefined,
      id: number * 7919,
      url: apiUrl(request, repository, `/pulls/${number}`),
      html_url: htmlUrl(repository, `/pull/${number}`),
      labels: (repository.issueLabels.get(number) ?? []).map((name) => repository.labels.get(name)),
    };
  };
  router.on(
    'GET',
    '/repos/:owner/:repo/pulls',
    withRepo((request, repository) => {
      const state_ = request.query.get('state') ?? 'open';
      const head = request.query.get('head');
      const pulls = [...repository.pulls.values()].filter(
        (pull) =>
          (state_ === 'all' || pull.state === state_) &&
          (!head || `${pull.head.repo.owner.login}:${pull.head.ref}` === head),
      );
      return paginate(
        request,
        pulls.map((pull) => pullJson(request, repository, pull.number)),
      );
    }),
  );
  router.on(
    'GET',
    '/repos/:owner/:repo/pulls/:number',
    withRepo((request, repository) => {
      const pull = pullJson(request, repository, Number(request.params.number));
      return pull ? { status: 200, body: pull } : notFound();
    }),
  );
  router.on(
    'GET',
    '/repos/:owner/:repo/pulls/:number/files',
    withRepo((request, repository) => {
      const pull = repository.pulls.get(Number(request.params.number));
      if (!pull) return notFound();
      return paginate(
        request,
        pull.files.map((file) => ({
          sha: '0'.repeat(40),
          additions: 1,
          deletions: 0,
          changes: 1,
          ...file,
        })),
        { maxPerPage: 100 },
      );
    }),
  );
}
