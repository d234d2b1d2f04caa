import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZenodoEmulator } from '../../scripts/emulators/zenodo/server.ts';
import { ZenodoClient } from '../../scripts/lib/zenodo/client.ts';
import { parseErrorBody } from '../../scripts/lib/zenodo/errors.ts';
import { depositMetadata } from '../../scripts/lib/zenodo/metadata.ts';
import { bareMd5, parseBucketObject, parseDeposition } from '../../scripts/lib/zenodo/parse.ts';
import { isPublished, resolveDeposition } from '../../scripts/lib/zenodo/resolve.ts';
import { sampleRecord } from '../fixtures/records/sample-record.ts';
import { FIXTURES } from '../helpers/repo.ts';
import { TOKEN, startEmulator } from '../helpers/zenodo.ts';

/**
 * Capsule's Zenodo client and emulator against real Zenodo responses (../shared/fixtures/zenodo,
 * read in place): the client parses every captured deposition, file and error shape; the
 * emulator answers with the same keys as the captures; what Capsule sends is what Zenodo takes.
 */
const ZENODO = path.join(FIXTURES, 'zenodo');
type Json = { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- fixture JSON, walked field by field
const fixture = (name: string): Json =>
  JSON.parse(readFileSync(path.join(ZENODO, name), 'utf8')) as Json;
const keys = (value: Json) => Object.keys(value).sort();

describe('the client reads real Zenodo responses', () => {
  it('parses a created draft, a draft with files, a published deposition and a new version', () => {
    const created = parseDeposition(fixture('sandbox-legacy-create-deposition-201.json'));
    expect(created).toMatchObject({
      id: 412011,
      conceptrecid: '412010',
      state: 'unsubmitted',
      submitted: false,
    });
    expect(created.links.bucket).toBe('sbapi/files/f04aa88e-ee6b-4fd2-af38-9fe9bf54710b');

    const withFiles = parseDeposition(fixture('sandbox-legacy-get-deposition-with-files-200.json'));
    expect(withFiles.files.map((file) => [file.filename, file.filesize, file.checksum])).toEqual([
      ['data2.csv', 625, 'cc624d72ede85ef061afa494d9951f6f'],
      ['data.csv', 625, 'cc624d72ede85ef061afa494d9951f6f'],
    ]);
    // A draft that echoed a DOI back carries it, but is not published.
    expect(isPublished(withFiles)).toBe(false);

    const published = parseDeposition(fixture('sandbox-legacy-published-deposition.json'));
    expect(published).toMatchObject({
      id: 143439,
      conceptrecid: '143438',
      state: 'done',
      doi: '10.5072/zenodo.143439',
      conceptdoi: '10.5072/zenodo.143438',
    });
    expect(isPublished(published)).toBe(true);

    const next = parseDeposition(fixture('zenodo-real-newversion-201.json'));
    expect(next).toMatchObject({
      id: 18759368,
      conceptrecid: '17234146',
      state: 'unsubmitted',
      conceptdoi: '10.5281/zenodo.17234146',
    });
    expect(next.doi).toBeUndefined();
    expect(next.metadata).not.toHaveProperty('publication_date');
    expect(
      parseDeposition(fixture('sandbox-legacy-update-embargoed-200.json')).metadata,
    ).toMatchObject({ access_right: 'embargoed' });
    expect(parseDeposition(fixture('legacy-docs-create-deposition-201.json')).id).toBe(542201);
  });

  it('makes the next version of a captured published deposition, and adopts a captured new-version draft', () => {
    const published = parseDeposition(fixture('sandbox-legacy-published-deposition.json'));
    expect(resolveDeposition({ version: '2', found: [published] })).toEqual({
      kind: 'new-version',
      of: 143439,
      conceptrecid: '143438',
    });
    const next = parseDeposition(fixture('zenodo-real-newversion-201.json'));
    expect(
      resolveDeposition({
        version: '2',
        conceptrecid: '17234146',
        latestKnownId: 17235990,
        found: [next],
      }),
    ).toEqual({
      kind: 'draft',
      deposition: next,
      orphans: [],
    });
  });

  it('reads md5: checksums from bucket uploads as the bare hex of files[]', () => {
    for (const name of ['legacy-docs-bucket-put-201.json', 'sandbox-legacy-bucket-put-201.json']) {
      const object = parseBucketObject(fixture(name));
      expect(bareMd5(object.checksum)).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(bareMd5(parseBucketObject(fixture('sandbox-legacy-bucket-put-201.json')).checksum)).toBe(
      'cc624d72ede85ef061afa494d9951f6f',
    );
  });

  it('reads field errors in today’s shape (messages[]) and the pre-2023 one (message)', () => {
    expect(parseErrorBody(fixture('zenodo-real-newversion-400-files-enabled.json'))).toEqual({
      message: 'A validation error occurred.',
      fieldErrors: [{ field: 'files.enabled', messages: ['Please remove all files first.'] }],
    });
    expect(
      parseErrorBody(fixture('rdm-docs-reserve-doi-400-already-exists.json')).fieldErrors,
    ).toEqual([{ field: 'pids.doi', messages: ['A PID already exists for type doi'] }]);
    expect(parseErrorBody(fixture('legacy-docs-error-400-validation.json')).fieldErrors).toEqual([
      { field: 'metadata.access_right', messages: ['Not a valid choice'] },
      { field: 'metadata.creators.0.name', messages: ['Name is required.'] },
      { field: 'non_existent', messages: ['Unknown field name.'] },
    ]);
    expect(parseErrorBody(fixture('legacy-docs-error-404.json'))).toEqual({
      message: 'Deposition not found',
      fieldErrors: [],
    });
    expect(parseErrorBody(fixture('legacy-docs-401-unauthorized.json')).message).toMatch(
      /^The server could not verify/,
    );
  });
});

describe('the emulator answers like the captures', () => {
  let emulator: ZenodoEmulator;
  let client: ZenodoClient;
  beforeAll(async () => {
    emulator = await startEmulator();
    client = new ZenodoClient({
      baseUrl: emulator.apiUrl,
      token: TOKEN,
      userAgent: 'capsule-interop',
    });
  });
  afterAll(() => emulator.close());

  async function raw(method: string, url: string, body?: unknown, type = 'application/json') {
    const response = await fetch(url.startsWith('http') ? url : `${emulator.apiUrl}${url}`, {
      method,
      headers: {
        authorization: `Bearer ${TOKEN}`,
        ...(body === undefined ? {} : { 'content-type': type }),
      },
      ...(body === undefined
        ? {}
        : { body: (body instanceof Uint8Array ? body : JSON.stringify(body)) as BodyInit }),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as Json,
    };
  }

  it('creates, uploads, publishes and versions with the captured keys, links and files[] entries', async () => {
    const capturedCreate = fixture('sandbox-legacy-create-deposition-201.json');
    const created = await raw('POST', '/deposit/depositions', {
      metadata: { title: 'New Title', upload_type: 'other', creators: [{ name: 'A. Person' }] },
    });
    expect(created.status).toBe(
      fixture('sandbox-legacy-create-deposition-201.headers.json').request.status,
    );
    expect(Object.keys(created.body)).toEqual(Object.keys(capturedCreate));
    expect(keys(created.body.links)).toEqual(keys(capturedCreate.links));
    expect(keys(created.body.metadata.prereserve_doi)).toEqual(
      keys(capturedCreate.metadata.prereserve_doi),
    );

    const capturedPut = fixture('sandbox-legacy-bucket-put-201.json');
    const put = await raw(
      'PUT',
      `${created.body.links.bucket}/data.csv`,
      new TextEncoder().encode('a,b\n'),
      'application/octet-stream',
    );
    expect(put.status).toBe(fixture('sandbox-legacy-bucket-put-201.headers.json').request.status);
    expect(Object.keys(put.body)).toEqual(Object.keys(capturedPut));
    expect(keys(put.body.links)).toEqual(keys(capturedPut.links));

    const capturedPublished = fixture('sandbox-legacy-published-deposition.json');
    const published = await raw('POST', `/deposit/depositions/${created.body.id}/actions/publish`);
    expect(Object.keys(published.body)).toEqual(Object.keys(capturedPublished));
    expect(keys(published.body.links)).toEqual(keys(capturedPublished.links));
    expect(keys(published.body.files[0])).toEqual(keys(capturedPublished.files[0]));
    expect(keys(published.body.files[0].links)).toEqual(keys(capturedPublished.files[0].links));

    const capturedNext = fixture('zenodo-real-newversion-201.json');
    const next = await raw('POST', `/deposit/depositions/${created.body.id}/actions/newversion`);
    expect(Object.keys(next.body)).toEqual(Object.keys(capturedNext));
    expect(keys(next.body.links)).toEqual(keys(capturedNext.links));
    expect(keys(next.body.files[0])).toEqual(keys(capturedNext.files[0]));
    const again = await raw('POST', `/deposit/depositions/${created.body.id}/actions/newversion`);
    expect(again.body).toEqual(fixture('zenodo-real-newversion-400-files-enabled.json'));
  });

  it('sends the API headers of the captured responses', async () => {
    const captured = fixture('sandbox-legacy-create-deposition-201.headers.json').headers as Json;
    const created = await raw('POST', '/deposit/depositions', {});
    for (const name of [
      'content-type',
      'etag',
      'x-ratelimit-limit',
      'x-ratelimit-remaining',
      'x-ratelimit-reset',
      'retry-after',
      'access-control-expose-headers',
      'x-request-id',
    ])
      expect(created.headers.has(name), name).toBe(true);
    expect(created.headers.get('access-control-expose-headers')).toBe(
      captured['access-control-expose-headers'],
    );
    expect(created.headers.get('etag')).toMatch(/^"\d+"$/);
  });

  it('stores the full legacy metadata request as Zenodo-RDM’s own tests expect it back', async () => {
    const request = fixture('rdm-legacy-api-full-metadata-request.json');
    const expected = fixture('rdm-legacy-api-full-metadata-response-metadata.json').metadata;
    const created = await raw('POST', '/deposit/depositions', request);
    expect(created.status).toBe(201);
    const stored = (await client.getDeposition(created.body.id)).metadata;
    const { prereserve_doi: storedPrereserve, doi: _doi, ...rest } = stored;
    const { prereserve_doi: _expectedPrereserve, ...wanted } = expected;
    expect(rest).toEqual(wanted);
    expect(storedPrereserve).toEqual({
      doi: `10.5281/zenodo.${created.body.id}`,
      recid: created.body.id,
    });
  });

  it('answers validation errors in the shape of the captured ones', async () => {
    const captured = fixture('rdm-docs-reserve-doi-400-already-exists.json');
    const refused = await raw('POST', '/deposit/depositions', {
      metadata: { license: 'no-such-licence' },
    });
    expect(refused.status).toBe(captured.status);
    expect(keys(refused.body)).toEqual(keys(captured));
    expect(refused.body.message).toBe(captured.message);
    expect(keys(refused.body.errors[0])).toEqual(keys(captured.errors[0]));
  });
});

describe('what Capsule sends is what Zenodo takes', () => {
  it('uses only metadata fields the legacy API accepts', () => {
    const accepted = new Set([
      ...Object.keys(fixture('rdm-legacy-api-full-metadata-request.json').metadata),
      // Accepted as well (API-NOTES §1.5), though the server's test fixture does not set them.
      'version',
      'language',
    ]);
    const sent = depositMetadata(
      sampleRecord({ access: { level: 'public', embargo_until: '2099-01-01' } }),
      {
        recordId: 'cms/higgs-tautau-2016',
        pageUrl: 'https://archive.example.org/records/cms/higgs-tautau-2016/',
        archiveName: 'Demo',
        communities: ['capsule-demo'],
        published: '2026-11-22',
        today: '2026-11-22',
      },
    );
    expect(Object.keys(sent).filter((key) => !accepted.has(key))).toEqual([]);
    const example = fixture('zenodo-json-example-docs.json');
    expect(keys(sent.creators[0]!).every((key) => key in example.creators[0])).toBe(true);
    expect(keys(sent.communities![0]!)).toEqual(keys(example.communities[0]));
  });
});
