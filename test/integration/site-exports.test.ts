import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zippedBagReader } from '../../scripts/lib/export/bag-zip.ts';
import { verifyBag } from '../../scripts/lib/export/bagit.ts';
import { TEXT_FORMATS } from '../../scripts/lib/export/render.ts';
import { looksLikeZip, unzipArchive } from '../../scripts/lib/export/zip.ts';
import type { Audience } from '../../scripts/lib/records/access.ts';
import { EXPORT_FORMATS } from '../../scripts/lib/site/exports.ts';
import { loadSite } from '../../scripts/lib/site/load-site.ts';
import { listFiles } from '../../scripts/lib/site/scan/scan-output.ts';
import { writeRecordApi } from '../../scripts/lib/site/write-api.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { runCli } from '../helpers/run-cli.ts';
import { makeArchive, recordYaml } from '../helpers/temp-archive.ts';
import type { TempArchive } from '../helpers/temp-archive.ts';
import { parseXml } from '../helpers/xml.ts';

/**
 * The site's record exports (write-api.ts) without Astro: written from the loader's records as
 * a build writes them, compared with what `capsule export` prints, and checked for anything the
 * audience may not see, inside the BagIt ZIPs too.
 */
const DAY = '2026-11-22';
const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

async function writeSite(root: string, audience: Audience, siteUrl: string) {
  const archive = await loadSite(root, { audience, day: DAY });
  const out = await mkdtemp(path.join(tmpdir(), 'capsule-site-exports-'));
  scratch.push(out);
  const reported = new Map<string, Uint8Array>();
  const result = await writeRecordApi(archive, out, siteUrl, {
    onFile: (file, bytes) => reported.set(file, bytes),
  });
  return { out, result, archive, reported };
}

/** Every file as text, and every ZIP entry as `<zip>!<entry>`. */
async function allText(dir: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const file of listFiles(dir)) {
    const bytes = await readFile(path.join(dir, file));
    texts.set(file, bytes.toString('utf8'));
    if (looksLikeZip(bytes))
      for (const entry of unzipArchive(bytes))
        texts.set(
          `${file}!${entry.path}`,
          `${entry.path}\n${Buffer.from(entry.bytes).toString('utf8')}`,
        );
  }
  return texts;
}

describe('the demo archive’s exports on its public site', () => {
  const RECORD = 'cms/higgs-tautau-2016';
  let site: Awaited<ReturnType<typeof writeSite>>;
  beforeAll(async () => {
    site = await writeSite(REPO_ROOT, 'public', 'https://capsule-demo.example.org/');
  }, 120_000);
  const exported = (file: string) =>
    readFile(path.join(site.out, 'api/records', RECORD, file), 'utf8');

  it('reports every file it writes, with the bytes written (the build checks them there)', async () => {
    const files = listFiles(site.out);
    expect([...site.reported.keys()].sort()).toEqual(files);
    expect(site.result.files).toBe(files.length);
    for (const file of files)
      expect(
        Buffer.compare(await readFile(path.join(site.out, file)), site.reported.get(file)!),
        file,
      ).toBe(0);
  });

  it('writes every format for every record, and the record JSON lists them', async () => {
    const files = new Set(listFiles(site.out));
    for (const record of site.archive.records)
      for (const format of EXPORT_FORMATS)
        expect(
          files.has(`api/records/${record.id}/${format.file}`),
          `${record.id} ${format.file}`,
        ).toBe(true);
    const document = JSON.parse(
      await readFile(path.join(site.out, `api/records/${RECORD}.json`), 'utf8'),
    );
    expect(Object.keys(document.exports)).toEqual(EXPORT_FORMATS.map((format) => format.id));
    expect(document.exports.bibtex).toBe(
      `https://capsule-demo.example.org/api/records/${RECORD}/citation.bib`,
    );
    expect(site.result.oaiSkipped).toBeUndefined();
  });

  it('equals what `capsule export` prints for the same public record', async () => {
    const files = new Map<string, string>(EXPORT_FORMATS.map((format) => [format.id, format.file]));
    const cli = await Promise.all(
      TEXT_FORMATS.map((format) =>
        runCli(['export', RECORD, '--format', format], { cwd: REPO_ROOT }),
      ),
    );
    for (const [index, format] of TEXT_FORMATS.entries()) {
      expect(cli[index]!.code, format).toBe(0);
      if (format === 'rocrate') continue;
      if (format === 'oai_dc' || format === 'oai_datacite') {
        // The OAI-PMH records are the repository's GetRecord responses, not export files.
        const getRecord = await readFile(
          path.join(site.out, `oai/GetRecord/${format}/${RECORD}.xml`),
          'utf8',
        );
        expect(getRecord, format).toContain(cli[index]!.stdout.trimEnd());
        expect(files.has(format)).toBe(false);
        continue;
      }
      expect(await exported(files.get(format)!), format).toBe(cli[index]!.stdout);
    }
    expect(await exported('tables.tex')).toContain('\\begin{tabular}');
    // RO-Crate: the same record, describing only the files the site serves.
    const siteCrate = JSON.parse(await exported('ro-crate-metadata.json'));
    const cliCrate = JSON.parse(cli[TEXT_FORMATS.indexOf('rocrate')]!.stdout);
    type Entity = { '@id': string; [key: string]: unknown };
    const root = (crate: { '@graph': Entity[] }) => {
      const { hasPart: _hasPart, ...rest } = crate['@graph'].find((e) => e['@id'] === './')!;
      return rest;
    };
    expect(root(siteCrate)).toEqual(root(cliCrate));
    const published = site.archive.records
      .find((record) => record.id === RECORD)!
      .files.filter((file) => file.published)
      .map((file) => file.path);
    expect(siteCrate['@graph'][1].hasPart.map((part: { '@id': string }) => part['@id'])).toEqual(
      published,
    );
    expect(JSON.stringify(siteCrate)).not.toContain('record.yaml');
  });

  it('serializes a BagIt package that unpacks and verifies, holding the served files', async () => {
    const bytes = await readFile(path.join(site.out, 'api/records', RECORD, 'bagit.zip'));
    const bag = zippedBagReader(bytes);
    expect(bag.name).toBe('cms-higgs-tautau-2016');
    const check = await verifyBag(bag);
    expect(check).toMatchObject({ valid: true, problems: [] });
    const record = site.archive.records.find((r) => r.id === RECORD)!;
    const payload = (await bag.list()).filter((file) => file.startsWith('data/')).sort();
    expect(payload).toEqual(
      [
        ...record.files.filter((f) => f.published).map((f) => `data/${f.path}`),
        'data/ro-crate-metadata.json',
      ].sort(),
    );
    // Each payload file is the preserved file, byte for byte (its sha256 is the record's).
    for (const file of record.files.filter((f) => f.published))
      expect(
        createHash('sha256')
          .update(await bag.read(`data/${file.path}`))
          .digest('hex'),
      ).toBe(file.sha256);
    expect(await bag.list()).toEqual(
      expect.arrayContaining([
        'manifest-sha512.txt',
        'tagmanifest-sha512.txt',
        'metadata/record.json',
      ]),
    );
  });

  it('publishes an OAI-PMH repository of exactly the public records', async () => {
    const list = parseXml(
      await readFile(path.join(site.out, 'oai/ListIdentifiers/oai_dc.xml'), 'utf8'),
    );
    const ids = [...list.getElementsByTagName('identifier')].map((e) => e.textContent);
    expect(ids).toEqual(
      site.archive.records.map((record) => `oai:capsule-demo.example.org:${record.id}`),
    );
    const getRecord = await readFile(
      path.join(site.out, `oai/GetRecord/oai_dc/${RECORD}.xml`),
      'utf8',
    );
    expect(getRecord).toContain(`<dc:title>`);
  });
});

describe('exports of a public record whose neighbours are hidden', () => {
  let archive: TempArchive;
  beforeAll(async () => {
    const plot = '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>\n';
    const evil = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>\n';
    const listed = (file: string, content: string) =>
      `\n  - path: ${file}\n    size: ${Buffer.byteLength(content)}\n    sha256: ${createHash('sha256').update(content).digest('hex')}`;
    archive = await makeArchive({
      'content/archive.yaml': `${(await readFile(path.join(REPO_ROOT, 'test/helpers/temp-archive.ts'), 'utf8')).match(/ARCHIVE_YAML = `([^`]*)`/)![1]}contact_email: archive@example.org\n`,
      'content/general/open/record.yaml': recordYaml({
        title: 'Open record',
        people: '\n  - given_name: Ada\n    family_name: Lovelace\n    email: ada@example.org',
        related_records: '\n  - general/internal\n  - general/embargoed',
        files: listed('files/plot.svg', plot) + listed('files/evil.svg', evil),
      }),
      'content/general/open/files/plot.svg': plot,
      'content/general/open/files/evil.svg': evil,
      'content/general/open/notes/unlisted.txt': 'an unlisted working file\n',
      'content/general/embargoed/record.yaml': recordYaml({
        title: 'Embargoed canary record',
        doi: '10.5281/zenodo.777001',
        access: '\n  level: public\n  embargo_until: 2027-01-01',
      }),
      'content/general/internal/record.yaml': recordYaml({
        title: 'Internal canary record',
        doi: '10.5281/zenodo.777002',
        access: '\n  level: collaboration',
      }),
    });
  });
  afterAll(async () => archive?.cleanup());

  it('name no hidden record, no email address, and package only the served files', async () => {
    const { out, result } = await writeSite(archive.root, 'public', 'https://archive.example.org/');
    expect(result.records).toBe(1);
    const texts = await allText(out);
    for (const hidden of [
      'general/internal',
      'general/embargoed',
      'canary',
      '10.5281/zenodo.777001',
      '10.5281/zenodo.777002',
      'ada@example.org',
      'unlisted',
      'alert(1)',
    ])
      expect(
        [...texts.entries()].filter(([, text]) => text.includes(hidden)).map(([file]) => file),
        hidden,
      ).toEqual([]);
    // The raw record file holds what redaction removes: no export describes or packs it.
    expect(
      [...texts.entries()]
        .filter(
          ([file, text]) =>
            file.startsWith('api/records/general/open/') && text.includes('record.yaml'),
        )
        .map(([file]) => file),
    ).toEqual([]);
    // A file the site withholds is named (the page lists it, and why), but never offered.
    const jsonLd = JSON.parse(texts.get('api/records/general/open/schema-org.jsonld')!);
    expect(jsonLd.distribution.map((d: { name: string }) => d.name)).toEqual(['files/plot.svg']);
    const bag = zippedBagReader(
      await readFile(path.join(out, 'api/records/general/open/bagit.zip')),
    );
    expect((await bag.list()).filter((file) => file.startsWith('data/')).sort()).toEqual([
      'data/files/plot.svg',
      'data/ro-crate-metadata.json',
    ]);
    expect(await verifyBag(bag)).toMatchObject({ valid: true });
    // The CLI, for internal use, names the related records' DOIs: the site must not.
    const cli = await runCli(['export', 'general/open', '--format', 'datacite'], {
      cwd: archive.root,
    });
    expect(cli.stdout).toContain('10.5281/zenodo.777002');
  });

  it('on the internal site too, leave harvesters only the public records', async () => {
    const { out } = await writeSite(archive.root, 'internal', 'https://internal.example.org/');
    const files = new Set(listFiles(out));
    expect(files.has('api/records/general/internal/datacite.json')).toBe(true);
    const list = await readFile(path.join(out, 'oai/ListRecords/oai_datacite.xml'), 'utf8');
    expect(list).toContain('oai:internal.example.org:general/open');
    expect(list).not.toContain('general/internal');
    expect(list).not.toContain('general/embargoed');
    expect([...files].filter((file) => file.startsWith('oai/GetRecord/oai_dc/'))).toEqual([
      'oai/GetRecord/oai_dc/general/open.xml',
    ]);
    expect(await readFile(path.join(out, 'oai/static-repository.xml'), 'utf8')).not.toContain(
      'canary',
    );
  });
});
