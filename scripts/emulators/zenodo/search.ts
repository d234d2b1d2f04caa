import type { Json, StoredDeposition, ZenodoStore } from './store.ts';

/**
 * `GET /deposit/depositions` search: the subset of Elasticsearch query syntax clients use with
 * the legacy field names (`conceptrecid:123`, `doi:"…"`, `alternate.identifier:"…"`,
 * `related.identifier:"…"`, `title:…`, `keywords:…`, free words), `status`, `all_versions`,
 * sorting and paging. Like Zenodo's index, it sees a deposition only `searchLagMs` after creation.
 */
export interface SearchQuery {
  q?: string;
  status?: string;
  allVersions?: boolean;
  sort?: string;
  page: number;
  size: number;
}

type Term = { field: string | undefined; value: string };

export function parseQuery(q: string): Term[] {
  const terms: Term[] = [];
  const pattern = /(?:([\w.]+):)?(?:"((?:[^"\\]|\\.)*)"|(\S+))/g;
  for (const match of q.matchAll(pattern)) {
    const value = (match[2] ?? match[3] ?? '').replace(/\\(.)/g, '$1');
    if (!match[1] && /^(AND|OR)$/.test(value)) continue;
    terms.push({ field: match[1], value });
  }
  return terms;
}

export function searchDepositions(store: ZenodoStore, query: SearchQuery): StoredDeposition[] {
  const now = store.now().getTime();
  const terms = parseQuery(query.q ?? '');
  let hits = [...store.depositions.values()].filter((deposition) => deposition.indexedAt <= now);
  if (query.status === 'draft') hits = hits.filter((deposition) => deposition.draft);
  if (query.status === 'published') hits = hits.filter((deposition) => deposition.record);
  if (!query.allVersions) {
    // Without all_versions, a concept shows its latest published version (drafts always show).
    hits = hits.filter(
      (deposition) =>
        !deposition.record ||
        deposition.draft ||
        store.latestPublished(deposition.conceptrecid) === deposition,
    );
  }
  hits = hits.filter((deposition) => terms.every((term) => matches(store, deposition, term)));
  // Newest first, as `mostrecent` (and the default) sort; a leading minus reverses it.
  const oldestFirst = (query.sort ?? '').startsWith('-');
  hits.sort((a, b) => (oldestFirst ? a.id - b.id : b.id - a.id));
  const size = Math.max(1, Math.min(100, query.size));
  return hits.slice((query.page - 1) * size, query.page * size);
}

function matches(store: ZenodoStore, deposition: StoredDeposition, term: Term): boolean {
  const metadata: Json = (deposition.draft ?? deposition.record)!.metadata;
  const value = term.value.toLowerCase();
  const related = (relation?: string) =>
    ((metadata.related_identifiers as Json[] | undefined) ?? [])
      .filter((item) => relation === undefined || item.relation === relation)
      .map((item) => String(item.identifier).toLowerCase());
  switch (term.field) {
    case 'conceptrecid':
      return String(deposition.conceptrecid) === term.value;
    case 'recid':
    case 'id':
      return String(deposition.id) === term.value;
    case 'doi':
      return (deposition.record?.doi ?? '').toLowerCase() === value;
    case 'conceptdoi':
      return deposition.record
        ? store.doiOf(deposition.conceptrecid).toLowerCase() === value
        : false;
    case 'alternate.identifier':
      return related('isAlternateIdentifier').includes(value);
    case 'related.identifier':
      return related().includes(value);
    case 'title':
      return String(metadata.title ?? '')
        .toLowerCase()
        .includes(value);
    case 'keywords':
      return ((metadata.keywords as string[] | undefined) ?? []).some(
        (keyword) => keyword.toLowerCase() === value,
      );
    case 'version':
      return String(metadata.version ?? '') === term.value;
    case undefined:
      return JSON.stringify(metadata).toLowerCase().includes(value);
    default:
      return false;
  }
}
