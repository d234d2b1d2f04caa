import type { Faults, FaultConfig } from './faults.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { RequestLogEntry } from './server.ts';
import type { Json, ZenodoStore } from './store.ts';

/**
 * The emulator's own endpoints, under `/_emulator/` (no token): what tests and demos use to set
 * faults and to look at the state behind the API.
 *
 *   GET    /_emulator/depositions   every deposition with its state, DOI, version, marker, files
 *   GET    /_emulator/requests      the request log (method, path, status, fault, auth kind)
 *   GET    /_emulator/faults        how many faults struck, by kind
 *   POST   /_emulator/faults        set faults: {"rules":[...], "random":{rate, seed, faults}}
 *   DELETE /_emulator/faults        no more faults
 *   POST   /_emulator/reset         forget everything
 */
export interface ControlContext {
  store: ZenodoStore;
  faults: Faults;
  requests: RequestLogEntry[];
  limiter: RateLimiter;
}

export function controlRequest(
  method: string,
  path: string,
  body: Buffer,
  context: ControlContext,
): { status: number; body?: unknown } {
  const route = `${method} ${path}`;
  switch (route) {
    case 'GET /_emulator/depositions':
      return { status: 200, body: dumpDepositions(context.store) };
    case 'GET /_emulator/requests':
      return { status: 200, body: context.requests };
    case 'GET /_emulator/faults':
      return { status: 200, body: Object.fromEntries(context.faults.struck) };
    case 'POST /_emulator/faults': {
      let config: FaultConfig;
      try {
        config = JSON.parse(body.toString('utf8') || '{}') as FaultConfig;
      } catch {
        return { status: 400, body: { message: 'The fault configuration is not JSON.' } };
      }
      context.faults.configure(config);
      return { status: 200, body: { ok: true } };
    }
    case 'DELETE /_emulator/faults':
      context.faults.clear();
      return { status: 204 };
    case 'POST /_emulator/reset':
      context.store.reset();
      context.faults.clear();
      context.limiter.reset();
      context.requests.length = 0;
      return { status: 204 };
    default:
      return { status: 404, body: { message: `No emulator endpoint ${route}.` } };
  }
}

export interface DepositionSummary {
  id: number;
  conceptrecid: string;
  state: string;
  published: boolean;
  publishCount: number;
  doi: string | null;
  conceptdoi: string | null;
  version: string | null;
  title: string;
  accessRight: string | null;
  embargoDate: string | null;
  alternateIdentifiers: string[];
  files: Array<{ key: string; size: number; md5: string }>;
}

export function dumpDepositions(store: ZenodoStore): DepositionSummary[] {
  return [...store.depositions.values()].map((deposition) => {
    const version = deposition.record ?? deposition.draft!;
    const metadata: Json = version.metadata;
    return {
      id: deposition.id,
      conceptrecid: String(deposition.conceptrecid),
      state: !deposition.record ? 'unsubmitted' : deposition.draft ? 'inprogress' : 'done',
      published: Boolean(deposition.record),
      publishCount: deposition.publishCount,
      doi: deposition.record?.doi ?? null,
      conceptdoi: deposition.record?.conceptdoi ?? null,
      version: typeof metadata.version === 'string' ? metadata.version : null,
      title: String(metadata.title ?? ''),
      accessRight: typeof metadata.access_right === 'string' ? metadata.access_right : null,
      embargoDate: typeof metadata.embargo_date === 'string' ? metadata.embargo_date : null,
      alternateIdentifiers: ((metadata.related_identifiers as Json[] | undefined) ?? [])
        .filter((item) => item.relation === 'isAlternateIdentifier')
        .map((item) => String(item.identifier)),
      files: version.files.map((file) => ({ key: file.key, size: file.size, md5: file.md5 })),
    };
  });
}
