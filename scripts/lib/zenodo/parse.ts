import type { BucketObject, Deposition, DepositionFile, DepositionState } from './types.ts';

/**
 * Reads Zenodo's responses into Capsule's types, checking what Capsule relies on and tolerating
 * everything else (Zenodo adds keys over time). Throws on a body that is not what the call
 * returns, so a misrouted or truncated response never passes for success.
 */
export class UnexpectedResponse extends Error {
  override name = 'UnexpectedResponse';
}

type Json = { [key: string]: unknown };

const STATES = new Set<DepositionState>(['unsubmitted', 'inprogress', 'done']);

export function parseDeposition(body: unknown): Deposition {
  const data = object(body, 'deposition');
  const id = data.id ?? data.record_id;
  if (typeof id !== 'number' || !Number.isInteger(id))
    throw new UnexpectedResponse('A deposition without an integer id.');
  const state = data.state;
  const deposition: Deposition = {
    id,
    conceptrecid: String(data.conceptrecid ?? ''),
    state:
      typeof state === 'string' && STATES.has(state as DepositionState)
        ? (state as DepositionState)
        : 'unsubmitted',
    submitted: data.submitted === true,
    title: typeof data.title === 'string' ? data.title : '',
    metadata: isObject(data.metadata) ? data.metadata : {},
    files: Array.isArray(data.files) ? data.files.map(parseFile) : [],
    links: isObject(data.links)
      ? Object.fromEntries(
          Object.entries(data.links).filter(
            (entry): entry is [string, string] => typeof entry[1] === 'string',
          ),
        )
      : {},
  };
  if (typeof data.doi === 'string' && data.doi !== '') deposition.doi = data.doi;
  if (typeof data.conceptdoi === 'string' && data.conceptdoi !== '')
    deposition.conceptdoi = data.conceptdoi;
  return deposition;
}

export function parseDepositionList(body: unknown): Deposition[] {
  if (!Array.isArray(body)) throw new UnexpectedResponse('Expected a list of depositions.');
  return body.map(parseDeposition);
}

function parseFile(body: unknown): DepositionFile {
  const data = object(body, 'deposition file');
  const filename = data.filename ?? data.key ?? data.name;
  if (typeof filename !== 'string')
    throw new UnexpectedResponse('A deposition file without a name.');
  return {
    id: String(data.id ?? ''),
    filename,
    filesize: Number(data.filesize ?? data.size ?? 0),
    checksum: bareMd5(String(data.checksum ?? '')),
  };
}

export function parseBucketObject(body: unknown): BucketObject {
  const data = object(body, 'bucket object');
  if (typeof data.key !== 'string') throw new UnexpectedResponse('A bucket object without a key.');
  return { key: data.key, size: Number(data.size ?? 0), checksum: String(data.checksum ?? '') };
}

/** `md5:<hex>` (bucket API) and bare hex (`files[]`) are the same checksum. */
export function bareMd5(checksum: string): string {
  return checksum.replace(/^md5:/i, '').toLowerCase();
}

function object(body: unknown, what: string): Json {
  if (!isObject(body))
    throw new UnexpectedResponse(
      `Expected a ${what}, got ${body === null ? 'nothing' : typeof body}.`,
    );
  return body;
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
