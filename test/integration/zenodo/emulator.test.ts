/* eslint-disable @typescript-eslint/no-explicit-any -- the tests walk arbitrary JSON answers field by field */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ZenodoEmulator } from '../../../scripts/emulators/zenodo/server.ts';
import { TOKEN, startEmulator } from '../../helpers/zenodo.ts';

/**
 * The emulator against API-NOTES' fidelity checklist: the status codes zenodo.org answers today
 * (not the old docs'), error bodies with `messages[]`, the state machine, new versions, buckets,
 * ETag/If-Match, rate-limit headers, the RDM endpoints and Accept negotiation. Plain fetch, so
 * the emulator is checked on its own, not through Capsule's client.
 */
let emulator: ZenodoEmulator;
beforeEach(async () => {
  emulator = await startEmulator();
});
afterEach(() => emulator.close());

async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: { [name: string]: string } = {},
) {
  const response = await fetch(`${emulator.apiUrl}${path}`, {
    method,
    redirect: 'manual',
    headers: {
      authorization: `Bearer ${TOKEN}`,
      ...(body === undefined || body instanceof Uint8Array
        ? {}
        : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined
      ? {}
      : { body: (body instanceof Uint8Array ? body : JSON.stringify(body)) as BodyInit }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body:
      text && response.headers.get('content-type')?.includes('json')
        ? (JSON.parse(text) as any)
        : text,
  };
}

const metadata = {
  upload_type: 'other',
  title: 'A preserved analysis',
  creators: [{ name: 'Lovelace, Ada' }],
  description: 'An analysis.',
  license: 'cc-by-4.0',
};

async function published(): Promise<any> {
  const created = await call('POST', '/deposit/depositions', { metadata });
  await call(
    'PUT',
    `${new URL(created.body.links.bucket).pathname.slice(4)}/data.csv`,
    new TextEncoder().encode('a,b\n1,2\n'),
  );
  return (await call('POST', `/deposit/depositions/${created.body.id}/actions/publish`)).body;
}

describe('Zenodo emulator', () => {
  it('answers a create with 201, a draft from one id sequence shared with its concept, and defaults', async () => {
    const created = await call('POST', '/deposit/depositions', {});
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: 100002,
      conceptrecid: '100001',
      state: 'unsubmitted',
      submitted: false,
      title: '',
    });
    expect(created.body.metadata).toMatchObject({
      access_right: 'open',
      license: 'cc-by-4.0',
      imprint_publisher: 'Zenodo',
      publication_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(created.body.metadata.prereserve_doi).toEqual({
      doi: '10.5281/zenodo.100002',
      recid: 100002,
    });
    expect(created.headers.get('etag')).toBe('"1"');
  });

  it('publishes with 202 and a DOI under the configured prefix; a second publish is 404', async () => {
    const record = await published();
    expect(record).toMatchObject({
      state: 'done',
      submitted: true,
      doi: '10.5072/zenodo.100002',
      conceptdoi: '10.5072/zenodo.100001',
    });
    // prereserve_doi says 10.5281 even on the sandbox prefix.
    expect(record.metadata.prereserve_doi.doi).toBe('10.5281/zenodo.100002');
    expect((await call('POST', `/deposit/depositions/${record.id}/actions/publish`)).status).toBe(
      404,
    );
    expect((await call('PUT', `/deposit/depositions/${record.id}`, { metadata })).status).toBe(404);
    expect((await call('DELETE', `/deposit/depositions/${record.id}`)).status).toBe(404);
  });

  it('refuses to publish without title, creators, resource type or files, with field messages', async () => {
    const created = await call('POST', '/deposit/depositions', { metadata: { title: 'ab' } });
    const refused = await call('POST', `/deposit/depositions/${created.body.id}/actions/publish`);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe('A validation error occurred.');
    expect(refused.body.errors.map((error: any) => error.field)).toEqual([
      'metadata.title',
      'metadata.creators',
      'metadata.resource_type',
      'files.enabled',
    ]);
    expect(refused.body.errors.every((error: any) => Array.isArray(error.messages))).toBe(true);
  });

  it('deletes a draft with 204, then 404; discard also answers 204', async () => {
    const created = await call('POST', '/deposit/depositions', { metadata });
    expect((await call('DELETE', `/deposit/depositions/${created.body.id}`)).status).toBe(204);
    expect((await call('DELETE', `/deposit/depositions/${created.body.id}`)).status).toBe(404);
    const record = await published();
    const edit = await call('POST', `/deposit/depositions/${record.id}/actions/edit`);
    expect(edit).toMatchObject({ status: 201, body: { state: 'inprogress', doi: record.doi } });
    const discard = await call('POST', `/deposit/depositions/${record.id}/actions/discard`);
    expect(discard.status).toBe(204);
    expect(discard.body).toBe('');
  });

  it('answers newversion with the new draft, files imported and no publication date; again with 400 files.enabled', async () => {
    const record = await published();
    const next = await call('POST', `/deposit/depositions/${record.id}/actions/newversion`);
    expect(next.status).toBe(201);
    expect(next.body.id).not.toBe(record.id);
    expect(next.body).toMatchObject({
      conceptrecid: record.conceptrecid,
      conceptdoi: record.conceptdoi,
      state: 'unsubmitted',
    });
    expect(next.body.metadata).not.toHaveProperty('publication_date');
    expect(next.body.files.map((file: any) => [file.filename, file.checksum])).toEqual([
      ['data.csv', record.files[0].checksum],
    ]);
    const again = await call('POST', `/deposit/depositions/${record.id}/actions/newversion`);
    expect(again.status).toBe(400);
    expect(again.body.errors).toEqual([
      { field: 'files.enabled', messages: ['Please remove all files first.'] },
    ]);
    // InvenioRDM's endpoint returns the existing next draft instead.
    const rdm = await call('POST', `/records/${record.id}/versions`);
    expect(rdm).toMatchObject({
      status: 201,
      body: { id: String(next.body.id), is_published: false },
    });
  });

  it('replaces a bucket object on the same key, with md5: checksums there and bare hex in files[]', async () => {
    const created = await call('POST', '/deposit/depositions', { metadata });
    const bucket = new URL(created.body.links.bucket).pathname.slice(4);
    const first = await call('PUT', `${bucket}/data.csv`, new TextEncoder().encode('one'));
    const second = await call('PUT', `${bucket}/data.csv`, new TextEncoder().encode('two'));
    expect(first.status).toBe(201);
    expect(second.body.checksum).toBe('md5:b8a9f715dbb64fd5c56e7783c6820a61');
    const deposition = await call('GET', `/deposit/depositions/${created.body.id}`);
    expect(deposition.body.files).toEqual([
      expect.objectContaining({
        filename: 'data.csv',
        filesize: 3,
        checksum: 'b8a9f715dbb64fd5c56e7783c6820a61',
      }),
    ]);
    expect((await call('GET', `${bucket}/data.csv`)).body).toBe('two');
    expect((await call('DELETE', `${bucket}/data.csv`)).status).toBe(204);
  });

  it('answers 405 to sorting and renaming files, 412 to a stale If-Match, 400 to unknown top-level keys', async () => {
    const created = await call('POST', '/deposit/depositions', { metadata });
    const id = created.body.id;
    expect((await call('PUT', `/deposit/depositions/${id}/files`, [])).status).toBe(405);
    expect(
      (await call('PUT', `/deposit/depositions/${id}`, { metadata }, { 'if-match': '"99"' }))
        .status,
    ).toBe(412);
    expect(
      (await call('PUT', `/deposit/depositions/${id}`, { metadata }, { 'if-match': '"1"' })).status,
    ).toBe(200);
    const unknown = await call('PUT', `/deposit/depositions/${id}`, { metadata, state: 'done' });
    expect(unknown).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'state', messages: ['Unknown field.'] }] },
    });
    const embargo = await call('PUT', `/deposit/depositions/${id}`, {
      metadata: { ...metadata, access_right: 'embargoed' },
    });
    expect(embargo.body.errors).toEqual([
      { field: 'metadata.access_right', messages: ['Unknown access type.'] },
    ]);
  });

  it('answers a missing or unknown token with 403, as Zenodo-RDM does', async () => {
    const anonymous = await fetch(`${emulator.apiUrl}/deposit/depositions`);
    expect(anonymous.status).toBe(403);
    const wrong = await call('GET', '/deposit/depositions', undefined, {
      authorization: 'Bearer nope',
    });
    expect(wrong.status).toBe(403);
  });

  it('sends X-RateLimit headers and Retry-After on every response, and 429 past the limit', async () => {
    await emulator.close();
    emulator = await startEmulator({ rateLimit: { limit: 2, windowMs: 60_000 } });
    const ok = await call('GET', '/deposit/depositions');
    expect(ok.headers.get('x-ratelimit-limit')).toBe('2');
    expect(ok.headers.get('x-ratelimit-remaining')).toBe('1');
    expect(Number(ok.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    expect(Number(ok.headers.get('retry-after'))).toBeGreaterThan(0);
    await call('GET', '/deposit/depositions');
    const limited = await call('GET', '/deposit/depositions');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
  });

  it('redirects a concept id to its latest version and answers RDM JSON when asked', async () => {
    const record = await published();
    const concept = await call('GET', `/records/${record.conceptrecid}`);
    expect(concept.status).toBe(301);
    expect(concept.headers.get('location')).toBe(`${emulator.apiUrl}/records/${record.id}`);
    expect((await call('GET', `/records/${record.id}/versions/latest`)).status).toBe(302);
    const rdm = await call('GET', `/records/${record.id}`, undefined, {
      accept: 'application/vnd.inveniordm.v1+json',
    });
    expect(rdm.body).toMatchObject({
      id: String(record.id),
      is_published: true,
      pids: { doi: { identifier: record.doi, provider: 'datacite' } },
      parent: { id: record.conceptrecid },
    });
    const legacy = await call('GET', `/records/${record.id}`);
    expect(legacy.body).toMatchObject({ id: record.id, doi: record.doi, state: 'done' });
  });

  it('finds depositions by concept and by alternate identifier, all versions or latest only', async () => {
    const record = await published();
    const next = await call('POST', `/deposit/depositions/${record.id}/actions/newversion`);
    await call('POST', `/deposit/depositions/${next.body.id}/actions/publish`);
    const latest = await call(
      'GET',
      `/deposit/depositions?q=${encodeURIComponent(`conceptrecid:"${record.conceptrecid}"`)}`,
    );
    expect(latest.body.map((deposition: any) => deposition.id)).toEqual([next.body.id]);
    const all = await call(
      'GET',
      `/deposit/depositions?all_versions=true&q=${encodeURIComponent(`conceptrecid:${record.conceptrecid}`)}`,
    );
    expect(all.body.map((deposition: any) => deposition.id).sort()).toEqual(
      [record.id, next.body.id].sort(),
    );
    expect((await call('GET', '/deposit/depositions?status=draft')).body).toEqual([]);
  });

  it('hides new depositions from search until the index catches up, like Zenodo’s', async () => {
    await emulator.close();
    emulator = await startEmulator({ searchLagMs: 60_000 });
    const created = await call('POST', '/deposit/depositions', { metadata });
    expect((await call('GET', '/deposit/depositions')).body).toEqual([]);
    expect((await call('GET', `/deposit/depositions/${created.body.id}`)).status).toBe(200);
  });
});
