import type { Request, Response } from './router.ts';

/**
 * One page of a list, as GitHub and GitLab serve lists: `page` (from 1) and `per_page` in the
 * query, a `Link` header with next/prev/first/last, and GitLab's `x-*` page headers.
 */
export function paginate<T>(
  request: Request,
  items: readonly T[],
  options: { defaultPerPage?: number; maxPerPage?: number } = {},
): Response {
  const perPage = Math.min(
    Math.max(1, Number(request.query.get('per_page') ?? options.defaultPerPage ?? 30) || 30),
    options.maxPerPage ?? 100,
  );
  const page = Math.max(1, Number(request.query.get('page') ?? 1) || 1);
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  const link = (n: number) => {
    const query = new URLSearchParams(request.query);
    query.set('page', String(n));
    query.set('per_page', String(perPage));
    return `<${request.origin}${request.path}?${query}>`;
  };
  const links: string[] = [];
  if (page < pages) links.push(`${link(page + 1)}; rel="next"`, `${link(pages)}; rel="last"`);
  if (page > 1) links.push(`${link(1)}; rel="first"`, `${link(page - 1)}; rel="prev"`);
  const headers: { [name: string]: string } = {
    'x-page': String(page),
    'x-per-page': String(perPage),
    'x-total': String(items.length),
    'x-total-pages': String(pages),
    'x-next-page': page < pages ? String(page + 1) : '',
    'x-prev-page': page > 1 ? String(page - 1) : '',
  };
  if (links.length > 0) headers.link = links.join(', ');
  return { status: 200, body: items.slice((page - 1) * perPage, page * perPage), headers };
}
