import type { DepositionApi, Reply } from './depositions.ts';
import { notFound } from './depositions.ts';
import type { FilesApi } from './files.ts';
import { searchDepositions } from './search.ts';
import { legacyDeposition, rdmRecord } from './serialize.ts';
import type { Urls } from './serialize.ts';
import type { ZenodoStore } from './store.ts';

/**
 * The route table: method and path pattern → handler. Paths are relative to `/api`.
 */
export interface RouteContext {
  params: string[];
  query: URLSearchParams;
  headers: { [name: string]: string | string[] | undefined };
  body: Buffer;
  /** The body parsed as JSON, when it is JSON; `undefined` when empty. */
  json: unknown;
}

export type RawReply = { status: 200; raw: Buffer; type: string };
export type Handler = (context: RouteContext) => Reply | RawReply;

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

const RDM_JSON = 'application/vnd.inveniordm.v1+json';

export function buildRoutes(
  store: ZenodoStore,
  depositions: DepositionApi,
  files: FilesApi,
  urls: () => Urls,
): Route[] {
  const id = (context: RouteContext) => Number(context.params[0]);
  const header = (context: RouteContext, name: string) => {
    const value = context.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const methodNotAllowed: Handler = () => ({
    status: 405,
    body: { status: 405, message: 'The method is not allowed for the requested URL.' },
  });
  const route = (method: string, path: string, handler: Handler): Route => ({
    method,
    pattern: new RegExp(
      `^${path.replace(/:id/g, '(\\d+)').replace(/:uuid/g, '([0-9a-f-]{36})').replace(/:key/g, '(.+)')}$`,
    ),
    handler,
  });
  const recordView = (context: RouteContext, recid: number): Reply => {
    const deposition = store.depositions.get(recid);
    if (deposition?.record) {
      const rdm = (header(context, 'accept') ?? '').includes(RDM_JSON);
      return {
        status: 200,
        body: rdm
          ? rdmRecord(store, deposition, urls(), false)
          : legacyDeposition(store, { ...deposition, draft: undefined }, urls()),
      };
    }
    const latest = store.latestPublished(recid);
    // A concept id resolves to its latest version.
    if (latest) return { status: 301, headers: { location: `${urls().api}/records/${latest.id}` } };
    return notFound();
  };
  return [
    route('GET', '/deposit/depositions', (context) => {
      const q = context.query;
      const hits = searchDepositions(store, {
        q: q.get('q') ?? '',
        status: q.get('status') ?? '',
        allVersions: ['true', '1'].includes(q.get('all_versions') ?? ''),
        sort: q.get('sort') ?? '',
        page: Math.max(1, Number(q.get('page') ?? 1) || 1),
        size: Number(q.get('size') ?? 10) || 10,
      });
      return depositions.list(hits);
    }),
    route('POST', '/deposit/depositions', (context) => depositions.create(context.json)),
    route('GET', '/deposit/depositions/:id', (context) => depositions.get(id(context))),
    route('PUT', '/deposit/depositions/:id', (context) =>
      depositions.update(id(context), context.json, header(context, 'if-match')),
    ),
    route('DELETE', '/deposit/depositions/:id', (context) =>
      depositions.delete(id(context), header(context, 'if-match')),
    ),
    route('POST', '/deposit/depositions/:id/actions/publish', (context) =>
      depositions.publish(id(context)),
    ),
    route('POST', '/deposit/depositions/:id/actions/edit', (context) =>
      depositions.edit(id(context)),
    ),
    route('POST', '/deposit/depositions/:id/actions/discard', (context) =>
      depositions.discard(id(context)),
    ),
    route('POST', '/deposit/depositions/:id/actions/newversion', (context) =>
      depositions.newVersion(id(context)),
    ),
    route('GET', '/deposit/depositions/:id/files', (context) => files.listDeposition(id(context))),
    route('POST', '/deposit/depositions/:id/files', (context) =>
      files.postDepositionFile(id(context), header(context, 'content-type'), context.body),
    ),
    route('PUT', '/deposit/depositions/:id/files', methodNotAllowed),
    route('GET', '/deposit/depositions/:id/files/:uuid', (context) =>
      files.getDepositionFile(id(context), context.params[1]!),
    ),
    route('PUT', '/deposit/depositions/:id/files/:uuid', methodNotAllowed),
    route('DELETE', '/deposit/depositions/:id/files/:uuid', (context) =>
      files.deleteDepositionFile(id(context), context.params[1]!),
    ),
    route('GET', '/files/:uuid', (context) => files.listBucket(context.params[0]!)),
    route('GET', '/files/:uuid/:key', (context) =>
      files.download(context.params[0]!, decodeKey(context.params[1]!)),
    ),
    route('PUT', '/files/:uuid/:key', (context) =>
      files.put(
        context.params[0]!,
        decodeKey(context.params[1]!),
        context.body,
        header(context, 'content-length'),
      ),
    ),
    route('DELETE', '/files/:uuid/:key', (context) =>
      files.deleteObject(context.params[0]!, decodeKey(context.params[1]!)),
    ),
    route('GET', '/records/:id', (context) => recordView(context, id(context))),
    route('GET', '/records/:id/versions/latest', (context) => {
      const deposition = store.depositions.get(id(context));
      const latest = deposition && store.latestPublished(deposition.conceptrecid);
      return latest
        ? { status: 302, headers: { location: `${urls().api}/records/${latest.id}` } }
        : notFound();
    }),
    route('GET', '/records/:id/versions', (context) => {
      const deposition = store.depositions.get(id(context));
      if (!deposition) return notFound();
      const versions = store.concepts.get(deposition.conceptrecid)?.versions ?? [];
      const hits = versions
        .map((version) => rdmRecord(store, store.depositions.get(version)!, urls(), false))
        .reverse();
      return { status: 200, body: { hits: { hits, total: hits.length } } };
    }),
    route('POST', '/records/:id/versions', (context) => {
      // InvenioRDM's new version: the existing next draft if there is one, without importing files.
      const result = depositions.nextDraft(id(context), false);
      if ('reply' in result) return result.reply;
      return { status: 201, body: rdmRecord(store, result.draft, urls(), true) };
    }),
  ];
}

function decodeKey(key: string): string {
  return key.split('/').map(decodeURIComponent).join('/');
}

export function findRoute(
  routes: Route[],
  method: string,
  path: string,
): { handler: Handler; params: string[] } | 'method' | undefined {
  let pathMatched = false;
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    pathMatched = true;
    if (route.method === method) return { handler: route.handler, params: match.slice(1) };
  }
  return pathMatched ? 'method' : undefined;
}
