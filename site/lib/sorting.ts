import type { SiteRecord } from '../../scripts/lib/site/types.ts';

/** The orders a collection's record list can be read in (server-sorted: no JavaScript needed). */
export const SORTS = [
  {
    key: 'newest',
    label: 'Newest first',
    compare: (a: SiteRecord, b: SiteRecord) =>
      b.metadata.created.localeCompare(a.metadata.created) || a.id.localeCompare(b.id),
  },
  {
    key: 'oldest',
    label: 'Oldest first',
    compare: (a: SiteRecord, b: SiteRecord) =>
      a.metadata.created.localeCompare(b.metadata.created) || a.id.localeCompare(b.id),
  },
  {
    key: 'updated',
    label: 'Recently updated',
    compare: (a: SiteRecord, b: SiteRecord) =>
      (b.metadata.updated ?? b.metadata.created).localeCompare(
        a.metadata.updated ?? a.metadata.created,
      ) || a.id.localeCompare(b.id),
  },
  {
    key: 'title',
    label: 'Title A–Z',
    compare: (a: SiteRecord, b: SiteRecord) =>
      a.metadata.title.localeCompare(b.metadata.title, 'en') || a.id.localeCompare(b.id),
  },
] as const;

export type SortKey = (typeof SORTS)[number]['key'];

export const PAGE_SIZE = 50;

export function countBy<T>(items: readonly T[], key: (item: T) => string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items)
    for (const value of key(item)) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** The path of a page of a collection's list: `<name>`, `<name>/<sort>`, `<name>/<sort>/<page>`. */
export function collectionPagePath(name: string, sort: SortKey, page: number): string {
  if (sort === 'newest' && page === 1) return name;
  return page === 1 ? `${name}/${sort}` : `${name}/${sort}/${page}`;
}
