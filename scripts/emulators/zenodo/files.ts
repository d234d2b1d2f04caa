import type { Reply } from './depositions.ts';
import { notFound, validationError } from './depositions.ts';
import { parseMultipart } from './multipart.ts';
import { bucketObject, legacyFile } from './serialize.ts';
import type { Urls } from './serialize.ts';
import type { StoredDeposition, ZenodoStore } from './store.ts';

/**
 * Files: the bucket API (`/api/files/:bucket/:key`, what clients should use: raw body, replace on
 * the same key, `md5:` checksums) and the old deposition files API (`…/:id/files`, multipart,
 * bare md5, 405 for sorting and renaming), with Zenodo's per-record limits.
 */
export const MAX_FILES = 100;
export const MAX_BYTES = 50 * 10 ** 9;

export class FilesApi {
  readonly #store: ZenodoStore;
  readonly #urls: () => Urls;

  constructor(store: ZenodoStore, urls: () => Urls) {
    this.#store = store;
    this.#urls = urls;
  }

  #bucket(bucketId: string): StoredDeposition | undefined {
    const id = this.#store.buckets.get(bucketId);
    return id === undefined ? undefined : this.#store.depositions.get(id);
  }

  listBucket(bucketId: string): Reply {
    const deposition = this.#bucket(bucketId);
    if (!deposition) return notFound('Bucket does not exist.');
    const version = deposition.draft ?? deposition.record!;
    return {
      status: 200,
      body: {
        id: bucketId,
        locked: !deposition.draft,
        size: version.files.reduce((sum, file) => sum + file.size, 0),
        quota_size: MAX_BYTES,
        contents: version.files.map((file) => bucketObject(bucketId, file, this.#urls())),
        links: { self: `${this.#urls().api}/files/${bucketId}` },
      },
    };
  }

  download(bucketId: string, key: string): Reply | { status: 200; raw: Buffer; type: string } {
    const deposition = this.#bucket(bucketId);
    const file = (deposition?.draft ?? deposition?.record)?.files.find(
      (candidate) => candidate.key === key,
    );
    return file
      ? { status: 200, raw: file.bytes, type: file.mimetype }
      : notFound('Object does not exist.');
  }

  put(bucketId: string, key: string, bytes: Buffer, contentLength: string | undefined): Reply {
    const deposition = this.#bucket(bucketId);
    if (!deposition) return notFound('Bucket does not exist.');
    if (!deposition.draft)
      return { status: 403, body: { status: 403, message: 'Bucket is locked for modifications.' } };
    if (contentLength === undefined)
      return { status: 400, body: { status: 400, message: 'Missing Content-Length header.' } };
    const files = deposition.draft.files;
    const index = files.findIndex((file) => file.key === key);
    const others = files.filter((_, i) => i !== index);
    if (index === -1 && files.length >= MAX_FILES)
      return validationError([
        {
          field: 'files',
          messages: [
            'Uploading selected files will result in exceeding the max amount per record.',
          ],
        },
      ]);
    if (others.reduce((sum, file) => sum + file.size, 0) + bytes.byteLength > MAX_BYTES)
      return { status: 400, body: { status: 400, message: 'Bucket quota exceeded.' } };
    const file = this.#store.makeFile(key, bytes, index === -1 ? undefined : files[index]);
    if (index === -1) files.push(file);
    else files[index] = file;
    this.#store.touch(deposition);
    return { status: 201, body: bucketObject(bucketId, file, this.#urls()) };
  }

  deleteObject(bucketId: string, key: string): Reply {
    const deposition = this.#bucket(bucketId);
    if (!deposition) return notFound('Bucket does not exist.');
    if (!deposition.draft)
      return { status: 403, body: { status: 403, message: 'Bucket is locked for modifications.' } };
    const before = deposition.draft.files.length;
    deposition.draft.files = deposition.draft.files.filter((file) => file.key !== key);
    if (deposition.draft.files.length === before) return notFound('Object does not exist.');
    this.#store.touch(deposition);
    return { status: 204 };
  }

  listDeposition(id: number): Reply {
    const deposition = this.#store.depositions.get(id);
    if (!deposition) return notFound();
    const version = deposition.draft ?? deposition.record!;
    return {
      status: 200,
      body: version.files.map((file) => legacyFile(deposition, file, this.#urls())),
    };
  }

  getDepositionFile(id: number, fileId: string): Reply {
    const deposition = this.#store.depositions.get(id);
    const file = (deposition?.draft ?? deposition?.record)?.files.find(
      (candidate) => candidate.id === fileId,
    );
    return deposition && file
      ? { status: 200, body: legacyFile(deposition, file, this.#urls()) }
      : notFound();
  }

  /** The old multipart upload (`file`, optional `name`): 201 with the bare-md5 file entry. */
  postDepositionFile(id: number, contentType: string | undefined, body: Buffer): Reply {
    const deposition = this.#store.depositions.get(id);
    if (!deposition?.draft) return notFound();
    const parts = parseMultipart(contentType, body);
    const file = parts?.find((part) => part.name === 'file');
    if (!parts || !file)
      return validationError([{ field: 'file', messages: ['Missing data for required field.'] }]);
    const name =
      parts.find((part) => part.name === 'name')?.data.toString('utf8') ?? file.filename ?? 'file';
    const bucket = this.put(deposition.bucketId, name, file.data, String(file.data.byteLength));
    if (bucket.status !== 201) return bucket;
    const stored = deposition.draft.files.find((candidate) => candidate.key === name)!;
    return { status: 201, body: legacyFile(deposition, stored, this.#urls()) };
  }

  deleteDepositionFile(id: number, fileId: string): Reply {
    const deposition = this.#store.depositions.get(id);
    if (!deposition) return notFound();
    if (!deposition.draft)
      return { status: 403, body: { status: 403, message: 'Permission denied.' } };
    const file = deposition.draft.files.find((candidate) => candidate.id === fileId);
    if (!file) return notFound();
    return this.deleteObject(deposition.bucketId, file.key);
  }
}
