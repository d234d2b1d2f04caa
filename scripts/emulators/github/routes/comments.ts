import { paginate } from '../../shared/pagination.ts';
import type { Request } from '../../shared/router.ts';
import { invalid, notFound, now, userOf } from './context.ts';
import type { RouteContext } from './context.ts';
import type { Repository } from '../state.ts';

const MAX_COMMENT = 65_536;

/** Issue comments: the conversation of a pull request. */
export function commentRoutes(context: RouteContext): void {
  const { state, router, withRepo, apiUrl, htmlUrl } = context;
  const commentJson = (request: Request, repository: Repository, id: number) => {
    const comment = repository.comments.get(id);
    if (!comment) return undefined;
    return {
      ...comment,
      url: apiUrl(request, repository, `/issues/comments/${id}`),
      html_url: htmlUrl(repository, `/pull/${comment.issue_number}#issuecomment-${id}`),
      issue_url: apiUrl(request, repository, `/issues/${comment.issue_number}`),
    };
  };
  router.on(
    'GET',
    '/repos/:owner/:repo/issues/:number/comments',
    withRepo((request, repository) => {
      const number = Number(request.params.number);
      if (!repository.pulls.has(number)) return notFound();
      const comments = [...repository.comments.values()]
        .filter((comment) => comment.issue_number === number)
        .map((comment) => commentJson(request, repository, comment.id));
      return paginate(request, comments);
    }),
  );
  router.on(
    'POST',
    '/repos/:owner/:repo/issues/:number/comments',
    withRepo((request, repository) => {
      const number = Number(request.params.number);
      if (!repository.pulls.has(number)) return notFound();
      const body = (request.body as { body?: unknown } | undefined)?.body;
      if (typeof body !== 'string' || body === '')
        return invalid('Validation Failed', [{ field: 'body', code: 'missing_field' }]);
      if (body.length > MAX_COMMENT)
        return invalid(`Body is too long (maximum is ${MAX_COMMENT} characters)`);
      const id = state.id();
      const time = now();
      repository.comments.set(id, {
        id,
        issue_number: number,
        body,
        user: userOf(state, request),
        created_at: time,
        updated_at: time,
      });
      return { status: 201, body: commentJson(request, repository, id) };
    }),
  );
  router.on(
    'GET',
    '/repos/:owner/:repo/issues/comments/:id',
    withRepo((request, repository) => {
      const comment = commentJson(request, repository, Number(request.params.id));
      return comment ? { status: 200, body: comment } : notFound();
    }),
  );
  router.on(
    'PATCH',
    '/repos/:owner/:repo/issues/comments/:id',
    withRepo((request, repository) => {
      const comment = repository.comments.get(Number(request.params.id));
      if (!comment) return notFound();
      const body = (request.body as { body?: unknown } | undefined)?.body;
      if (typeof body !== 'string' || body === '') return invalid('Validation Failed');
      if (body.length > MAX_COMMENT)
        return invalid(`Body is too long (maximum is ${MAX_COMMENT} characters)`);
      comment.body = body;
      comment.updated_at = now();
      return { status: 200, body: commentJson(request, repository, comment.id) };
    }),
  );
  router.on(
    'DELETE',
    '/repos/:owner/:repo/issues/comments/:id',
    withRepo((request, repository) =>
      repository.comments.delete(Number(request.params.id)) ? { status: 204 } : notFound(),
    ),
  );
}
