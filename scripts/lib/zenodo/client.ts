import { ZenodoError } from './errors.ts';
import { ZenodoHttp } from './http.ts';
import type { HttpOptions } from './http.ts';
import {
  UnexpectedResponse,
  parseBucketObject,
  parseDeposition,
  parseDepositionList,
} from './parse.ts';
import type { BucketObject, DepositMetadata, Deposition } from './types.ts';

/**
 * The Zenodo deposit API, one method per call Capsule makes. Each call says whether it is safe
 * to repeat: reads, metadata PUTs, bucket PUTs and deletes are; create, new version and publish
 * are not, and are never retried blindly (their failures come back marked `ambiguous`).
 */
export const PAGE_SIZE = 100;

export class ZenodoClient {
  readonly http: ZenodoHttp;

  constructor(options: HttpOptions) {
    this.http = new ZenodoHttp(options);
  }

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  /** One page of the user's depositions matching an Elasticsearch query (`q`). */
  async listDepositions(query: {
    q?: string;
    status?: 'draft' | 'published';
    allVersions?: boolean;
    page?: number;
    size?: number;
    sort?: string;
  }): Promise<Deposition[]> {
    const response = await this.http.request('GET', '/deposit/depositions', {
      safety: 'idempotent',
      query: {
        q: query.q,
        status: query.status,
        all_versions: query.allVersions ? 'true' : undefined,
        page: query.page,
        size: query.size ?? PAGE_SIZE,
        sort: query.sort,
      },
    });
    return parseDepositionList(response.body);
  }

  /** Every deposition matching `q`, page by page. */
  async searchDepositions(
    q: string,
    options: { allVersions?: boolean; maxPages?: number } = {},
  ): Promise<Deposition[]> {
    const out: Deposition[] = [];
    for (let page = 1; page <= (options.maxPages ?? 20); page++) {
      const batch = await this.listDepositions({
        q,
        allVersions: options.allVersions ?? true,
        page,
        size: PAGE_SIZE,
        sort: 'mostrecent',
      });
      out.push(...batch);
      if (batch.length < PAGE_SIZE) break;
    }
    return out;
  }

  async getDeposition(id: number): Promise<Deposition> {
    const response = await this.http.request('GET', `/deposit/depositions/${id}`, {
      safety: 'idempotent',
    });
    return parseDeposition(response.body);
  }

  /** Creates a draft with its metadata in the same request, so it is tagged from birth. */
  async createDeposition(metadata: DepositMetadata): Promise<Deposition> {
    const response = await this.http.request('POST', '/deposit/depositions', {
      safety: 'unsafe',
      json: { metadata },
    });
    return parseDeposition(response.body);
  }

  async updateDeposition(id: number, metadata: DepositMetadata): Promise<Deposition> {
    const response = await this.http.request('PUT', `/deposit/depositions/${id}`, {
      safety: 'idempotent',
      json: { metadata },
    });
    return parseDeposition(response.body);
  }

  /** Deletes an unpublished draft; one already gone counts as deleted. */
  async deleteDeposition(id: number): Promise<void> {
    try {
      await this.http.request('DELETE', `/deposit/depositions/${id}`, { safety: 'idempotent' });
    } catch (error) {
      if (!(error instanceof ZenodoError && error.status === 404)) throw error;
    }
  }

  async publish(id: number): Promise<Deposition> {
    const response = await this.http.request('POST', `/deposit/depositions/${id}/actions/publish`, {
      safety: 'unsafe',
    });
    return parseDeposition(response.body);
  }

  /** Legacy new version: a draft of the next version with the previous files imported. */
  async newVersion(id: number): Promise<Deposition> {
    const response = await this.http.request(
      'POST',
      `/deposit/depositions/${id}/actions/newversion`,
      { safety: 'unsafe' },
    );
    return parseDeposition(response.body);
  }

  /**
   * InvenioRDM's new version (`POST /records/:id/versions`): returns the concept's existing
   * next-version draft if there is one, so it is safe to repeat. Gives the draft's id.
   */
  async nextVersionDraftId(recordId: number): Promise<number> {
    const response = await this.http.request('POST', `/records/${recordId}/versions`, {
      safety: 'idempotent',
    });
    const id = (response.body as { id?: unknown } | null)?.id;
    const number =
      typeof id === 'number' ? id : typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : NaN;
    if (!Number.isInteger(number)) throw new UnexpectedResponse('The new version has no id.');
    return number;
  }

  /** Uploads (or replaces) one file in a draft's bucket. */
  async putFile(bucketUrl: string, key: string, bytes: Uint8Array): Promise<BucketObject> {
    const response = await this.http.request(
      'PUT',
      `${bucketUrl.replace(/\/+$/, '')}/${encodeKey(key)}`,
      {
        safety: 'idempotent',
        body: bytes,
        contentType: 'application/octet-stream',
        extraTimeoutMs: Math.round(bytes.byteLength / 100), // allow ~100 kB/s
      },
    );
    return parseBucketObject(response.body);
  }

  async deleteFile(bucketUrl: string, key: string): Promise<void> {
    try {
      await this.http.request('DELETE', `${bucketUrl.replace(/\/+$/, '')}/${encodeKey(key)}`, {
        safety: 'idempotent',
      });
    } catch (error) {
      if (!(error instanceof ZenodoError && error.status === 404)) throw error;
    }
  }
}

/** A bucket key keeps its folders: each segment is encoded, the slashes stay. */
export function encodeKey(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}
