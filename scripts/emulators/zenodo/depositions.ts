import { checkMetadata, checkPublishable, storeMetadata } from './metadata.ts';
import type { FieldError } from './metadata.ts';
import { legacyDeposition } from './serialize.ts';
import type { Urls } from './serialize.ts';
import type { Json, StoredDeposition, ZenodoStore } from './store.ts';

/**
 * The legacy deposition endpoints (`/api/deposit/depositions...`) with the status codes
 * zenodo.org answers today (API-NOTES §1.3, "actual" column): delete → 204, publish → 202,
 * newversion → 201 with the new draft, a published deposition without a draft → 404.
 */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: { [name: string]: string };
}

export const notFound = (message = 'The persistent identifier does not exist.'): Reply => ({
  status: 404,
  body: { status: 404, message },
});
export const validationError = (errors: FieldError[]): Reply => ({
  status: 400,
  body: { status: 400, message: 'A validation error occurred.', errors },
});

export class DepositionApi {
  readonly #store: ZenodoStore;
  readonly #urls: () => Urls;

  constructor(store: ZenodoStore, urls: () => Urls) {
    this.#store = store;
    this.#urls = urls;
  }

  view(deposition: StoredDeposition, status = 200): Reply {
    return {
      status,
      body: legacyDeposition(this.#store, deposition, this.#urls()),
      headers: { etag: `"${deposition.revision}"` },
    };
  }

  get(id: number): Reply {
    const deposition = this.#store.depositions.get(id);
    return deposition ? this.view(deposition) : notFound();
  }

  create(body: unknown): Reply {
    const problem = this.#checkBody(body);
    if (problem) return problem;
    const given = (body as Json | null)?.metadata as Json | undefined;
    const conceptrecid = this.#store.nextId();
    const deposition = this.#store.newDeposition(conceptrecid, {
      metadata: storeMetadata(given ?? {}, this.#today()),
      files: [],
    });
    return this.view(deposition, 201);
  }

  update(id: number, body: unknown, ifMatch: string | undefined): Reply {
    const deposition = this.#store.depositions.get(id);
    if (!deposition?.draft) return notFound();
    const precondition = this.#ifMatch(deposition, ifMatch);
    if (precondition) return precondition;
    const problem = this.#checkBody(body);
    if (problem) return problem;
    // PUT replaces the metadata; defaults fill what it leaves out (access_right → open).
    deposition.draft.metadata = storeMetadata(
      ((body as Json | null)?.metadata as Json | undefined) ?? {},
      this.#today(),
    );
    this.#store.touch(deposition);
    return this.view(deposition);
  }

  delete(id: number, ifMatch: string | undefined): Reply {
    const deposition = this.#store.depositions.get(id);
    if (!deposition?.draft) return notFound();
    const precondition = this.#ifMatch(deposition, ifMatch);
    if (precondition) return precondition;
    if (deposition.record) return this.discard(id);
    this.#store.depositions.delete(id);
    this.#store.buckets.delete(deposition.bucketId);
    const concept = this.#store.concepts.get(deposition.conceptrecid);
    if (concept?.nextDraft === id) concept.nextDraft = undefined;
    return { status: 204 };
  }

  discard(id: number): Reply {
    const deposition = this.#store.depositions.get(id);
    if (!deposition?.draft) return notFound();
    if (!deposition.record) return this.delete(id, undefined);
    deposition.draft = undefined;
    this.#store.touch(deposition);
    return { status: 204 };
  }

  edit(id: number): Reply {
    const deposition = this.#store.depositions.get(id);
    if (!deposition) return notFound();
    if (!deposition.record)
      return { status: 400, body: { status: 400, message: 'The deposition is not published.' } };
    if (!deposition.draft) {
      deposition.draft = {
        metadata: structuredClone(deposition.record.metadata),
        files: [...deposition.record.files],
      };
      this.#store.touch(deposition);
    }
    return this.view(deposition, 201);
  }

  publish(id: number): Reply {
    const deposition = this.#store.depositions.get(id);
    // A second publish finds no draft: 404, and never a second DOI.
    if (!deposition?.draft) return notFound();
    const draft = deposition.draft;
    const errors = checkPublishable(draft.metadata, draft.files.length);
    if (errors.length > 0) return validationError(errors);
    const store = this.#store;
    const concept = store.concept(deposition.conceptrecid);
    const external = typeof draft.metadata.doi === 'string' ? draft.metadata.doi : undefined;
    deposition.record = {
      metadata: structuredClone(draft.metadata),
      files: [...draft.files],
      doi: deposition.record?.doi ?? external ?? store.doiOf(id),
      conceptdoi: store.doiOf(deposition.conceptrecid),
      published: store.timestamp(),
    };
    deposition.draft = undefined;
    deposition.publishCount++;
    if (!concept.versions.includes(id)) concept.versions.push(id);
    if (concept.nextDraft === id) concept.nextDraft = undefined;
    store.touch(deposition);
    return this.view(deposition, 202);
  }

  /**
   * Legacy new version: the concept's next draft, made from its latest published version (RDM
   * resolves any version id to the latest), with that version's files imported. When the next
   * draft already exists with files, importing fails: 400 `files.enabled`.
   */
  newVersion(id: number): Reply {
    const result = this.nextDraft(id, true);
    if ('reply' in result) return result.reply;
    return this.view(result.draft, 201);
  }

  nextDraft(id: number, importFiles: boolean): { draft: StoredDeposition } | { reply: Reply } {
    const store = this.#store;
    const deposition = store.depositions.get(id);
    if (!deposition) return { reply: notFound() };
    const latest = store.latestPublished(deposition.conceptrecid);
    if (!latest?.record)
      return {
        reply: { status: 400, body: { status: 400, message: 'The deposition is not published.' } },
      };
    const concept = store.concept(deposition.conceptrecid);
    const existing =
      concept.nextDraft === undefined ? undefined : store.depositions.get(concept.nextDraft);
    if (existing?.draft) {
      if (!importFiles) return { draft: existing };
      if (existing.draft.files.length > 0)
        return {
          reply: validationError([
            { field: 'files.enabled', messages: ['Please remove all files first.'] },
          ]),
        };
      existing.draft.files = latest.record.files.map((file) => store.importFile(file));
      store.touch(existing);
      return { draft: existing };
    }
    const metadata = structuredClone(latest.record.metadata);
    delete metadata.publication_date;
    delete metadata.version;
    delete metadata.doi;
    const draft = store.newDeposition(deposition.conceptrecid, {
      metadata,
      files: importFiles ? latest.record.files.map((file) => store.importFile(file)) : [],
    });
    concept.nextDraft = draft.id;
    return { draft };
  }

  list(depositions: StoredDeposition[]): Reply {
    return {
      status: 200,
      body: depositions.map((deposition) =>
        legacyDeposition(this.#store, deposition, this.#urls()),
      ),
    };
  }

  #checkBody(body: unknown): Reply | undefined {
    if (body === undefined || body === null) return undefined;
    if (typeof body !== 'object' || Array.isArray(body))
      return validationError([{ field: '_schema', messages: ['Invalid input type.'] }]);
    const unknown = Object.keys(body).filter((key) => key !== 'metadata');
    if (unknown.length > 0)
      return validationError(unknown.map((field) => ({ field, messages: ['Unknown field.'] })));
    const errors = checkMetadata((body as Json).metadata);
    return errors.length > 0 ? validationError(errors) : undefined;
  }

  #ifMatch(deposition: StoredDeposition, ifMatch: string | undefined): Reply | undefined {
    if (ifMatch === undefined || ifMatch === '*' || ifMatch === `"${deposition.revision}"`)
      return undefined;
    return {
      status: 412,
      body: {
        status: 412,
        message: 'The resource has been modified: its revision does not match If-Match.',
      },
    };
  }

  #today(): string {
    return this.#store.now().toISOString().slice(0, 10);
  }
}
