import { createHash, randomUUID } from 'node:crypto';

/**
 * The emulator's in-memory Zenodo: depositions (drafts and published records), their concepts
 * and buckets, with the behaviour of zenodo.org's legacy deposit API on InvenioRDM — one integer
 * id sequence for records and concepts, draft → published → edit → published, one next-version
 * draft per concept, files imported into new versions.
 */
export type Json = { [key: string]: unknown };

export interface StoredFile {
  /** The file's id in `files[]` (a UUID). */
  id: string;
  key: string;
  size: number;
  md5: string;
  mimetype: string;
  versionId: string;
  created: string;
  updated: string;
  bytes: Buffer;
}

export interface Version {
  metadata: Json;
  files: StoredFile[];
}

export interface StoredDeposition {
  id: number;
  conceptrecid: number;
  bucketId: string;
  created: string;
  modified: string;
  /** The open draft: a new deposition, a next version, or an edit of a published record. */
  draft: Version | undefined;
  /** The published version, once there is one. */
  record: (Version & { doi: string; conceptdoi: string; published: string }) | undefined;
  revision: number;
  /** When search sees it (ms since epoch): Zenodo's index lags behind its database. */
  indexedAt: number;
  /** How many times a publish of this deposition took effect (the emulator's duplicate detector). */
  publishCount: number;
}

export interface Concept {
  recid: number;
  /** Published record ids, oldest first. */
  versions: number[];
  /** The concept's next-version draft, if one is open. */
  nextDraft: number | undefined;
}

export class ZenodoStore {
  readonly depositions = new Map<number, StoredDeposition>();
  readonly concepts = new Map<number, Concept>();
  readonly buckets = new Map<string, number>();
  #nextId: number;
  readonly #firstId: number;
  readonly doiPrefix: string;
  readonly now: () => Date;
  readonly searchLagMs: number;

  constructor(options: {
    doiPrefix: string;
    firstId: number;
    now: () => Date;
    searchLagMs: number;
  }) {
    this.doiPrefix = options.doiPrefix;
    this.#firstId = options.firstId;
    this.#nextId = options.firstId;
    this.now = options.now;
    this.searchLagMs = options.searchLagMs;
  }

  reset(): void {
    this.depositions.clear();
    this.concepts.clear();
    this.buckets.clear();
    this.#nextId = this.#firstId;
  }

  /** Records and concepts share one sequence, as in InvenioRDM: a concept id is usually `id - 1`. */
  nextId(): number {
    return this.#nextId++;
  }

  timestamp(): string {
    return this.now().toISOString().replace('Z', '+00:00');
  }

  newDeposition(conceptrecid: number, draft: Version): StoredDeposition {
    const id = this.nextId();
    const stamp = this.timestamp();
    const deposition: StoredDeposition = {
      id,
      conceptrecid,
      bucketId: randomUUID(),
      created: stamp,
      modified: stamp,
      draft,
      record: undefined,
      revision: 1,
      indexedAt: this.now().getTime() + this.searchLagMs,
      publishCount: 0,
    };
    this.depositions.set(id, deposition);
    this.buckets.set(deposition.bucketId, id);
    return deposition;
  }

  touch(deposition: StoredDeposition): void {
    deposition.modified = this.timestamp();
    deposition.revision++;
  }

  concept(recid: number): Concept {
    let concept = this.concepts.get(recid);
    if (!concept) {
      concept = { recid, versions: [], nextDraft: undefined };
      this.concepts.set(recid, concept);
    }
    return concept;
  }

  latestPublished(conceptrecid: number): StoredDeposition | undefined {
    const versions = this.concepts.get(conceptrecid)?.versions ?? [];
    const last = versions[versions.length - 1];
    return last === undefined ? undefined : this.depositions.get(last);
  }

  doiOf(id: number): string {
    return `${this.doiPrefix}/zenodo.${id}`;
  }

  makeFile(key: string, bytes: Buffer, previous?: StoredFile): StoredFile {
    const stamp = this.timestamp();
    return {
      id: randomUUID(),
      key,
      size: bytes.byteLength,
      md5: createHash('md5').update(bytes).digest('hex'),
      mimetype: mimetypeOf(key),
      versionId: randomUUID(),
      created: previous?.created ?? stamp,
      updated: stamp,
      bytes,
    };
  }

  /** A copy of a file for another draft (new version import): same bytes, new ids. */
  importFile(file: StoredFile): StoredFile {
    return { ...file, id: randomUUID(), versionId: randomUUID() };
  }
}

const MIME: { [extension: string]: string } = {
  json: 'application/json',
  yaml: 'application/x-yaml',
  yml: 'application/x-yaml',
  md: 'text/markdown',
  txt: 'text/plain',
  csv: 'text/csv',
  svg: 'image/svg+xml',
  png: 'image/png',
  pdf: 'application/pdf',
  zip: 'application/zip',
  ipynb: 'application/x-ipynb+json',
  c: 'text/x-c',
  py: 'text/x-python',
  root: 'application/octet-stream',
};

function mimetypeOf(key: string): string {
  const extension = key.split('.').pop()?.toLowerCase() ?? '';
  return MIME[extension] ?? 'application/octet-stream';
}
