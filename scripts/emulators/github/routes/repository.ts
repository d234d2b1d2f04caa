import type { Request } from '../../shared/router.ts';
import type { RouteContext } from './context.ts';
import type { Repository } from '../state.ts';

/** The repository itself. */
export function repositoryRoutes(context: RouteContext): void {
  const { router, withRepo, apiUrl, htmlUrl } = context;
  const repositoryJson = (request: Request, repository: Repository) => ({
    id: repository.id,
    name: repository.name,
    full_name: `${repository.owner}/${repository.name}`,
    owner: { login: repository.owner },
    private: repository.private,
    description: repository.description,
    default_branch: repository.default_branch,
    html_url: htmlUrl(repository),
    url: apiUrl(request, repository, ''),
  });

  router.on(
    'GET',
    '/repos/:owner/:repo',
    withRepo((request, repository) => ({
      status: 200,
      body: repositoryJson(request, repository),
    })),
  );
}
