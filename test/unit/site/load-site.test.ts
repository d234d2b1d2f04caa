import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeArchiveFs } from '../../../scripts/lib/records/archive-fs.ts';
import type { ArchiveFs } from '../../../scripts/lib/records/archive-fs.ts';
import { loadArchive } from '../../../scripts/lib/records/load-archive.ts';
import { ArchiveInvalidError, loadSite } from '../../../scripts/lib/site/load-site.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';
import { makeArchive, recordYaml } from '../../helpers/temp-archive.ts';
import type { TempArchive } from '../../helpers/temp-archive.ts';

/** The one loader: which records each audience gets, and in what form. */
let archive: TempArchive | undefined;
afterEach(async () => archive?.cleanup());

const people = '\n  - given_name: Ada\n    family_name: Lovelace\n    email: ada@example.org';
const svg = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg">${body}</svg>\n`;
const listed = (path: string, content: string) =>
  `\n  - path: ${path}\n    size: ${Buffer.byteLength(content)}\n    sha256: ${createHash('sha256').update(content).digest('hex')}`;

async function sampleArchive(): Promise<TempArchive> {
  const plot = svg('<rect width="1" height="1"/>');
  const evil = svg('<script>alert(1)</script>');
  return makeArchive({
    'content/general/open/record.yaml': recordYaml({
      title: 'Open record',
      people,
      related_records: '\n  - general/internal\n  - general/embargoed',
      files: listed('files/plot.svg', plot) + listed('files/evil.svg', evil),
    }),
    'content/general/open/files/plot.svg': plot,
    'content/general/open/files/evil.svg': evil,
    'content/general/open/README.md': '# Read me\n',
    'content/general/embargoed/record.yaml': recordYaml({
      title: 'Embargoed record',
      access: '\n  level: public\n  embargo_until: 2027-01-01',
    }),
    'content/general/internal/record.yaml': recordYaml({
      title: 'Internal record',
      access: '\n  level: collaboration',
    }),
    'content/general/secret/record.yaml': recordYaml({
      title: 'Secret record',
      access: '\n  level: restricted',
    }),
  });
}

describe('loadSite', () => {
  it('gives the public build only public records whose embargo has passed', async () => {
    archive = await sampleArchive();
    const site = await loadSite(archive.root, { audience: 'public', day: '2026-11-22' });
    expect(site.records.map((record) => record.id)).toEqual(['general/open']);
    expect(site.counts).toEqual({ total: 4, visible: 1 });
  });

  it('lifts the embargo on its day', async () => {
    archive = await sampleArchive();
    const site = await loadSite(archive.root, { audience: 'public', day: '2027-01-01' });
    expect(site.records.map((record) => record.id)).toEqual(['general/embargoed', 'general/open']);
  });

  it('gives the internal build collaboration and embargoed records, never restricted ones', async () => {
    archive = await sampleArchive();
    const site = await loadSite(archive.root, { audience: 'internal', day: '2026-11-22' });
    expect(site.records.map((record) => record.id)).toEqual([
      'general/embargoed',
      'general/internal',
      'general/open',
    ]);
  });

  it('removes email addresses for the public, and related records the audience cannot see', async () => {
    archive = await sampleArchive();
    const open = (await loadSite(archive.root, { audience: 'public', day: '2026-11-22' }))
      .records[0];
    expect(open?.metadata.people[0]).toEqual({ given_name: 'Ada', family_name: 'Lovelace' });
    expect(open?.metadata.related_records).toBeUndefined();
    const internal = (
      await loadSite(archive.root, { audience: 'internal', day: '2026-11-22' })
    ).records.find((record) => record.id === 'general/open');
    expect(internal?.metadata.people[0]?.email).toBe('ada@example.org');
    expect(internal?.metadata.related_records).toEqual(['general/internal', 'general/embargoed']);
  });

  it('serves listed files, and withholds an SVG that carries script', async () => {
    archive = await sampleArchive();
    const open = (await loadSite(archive.root, { audience: 'public', day: '2026-11-22' }))
      .records[0];
    expect(open?.files.map((file) => [file.path, file.published])).toEqual([
      ['files/plot.svg', true],
      ['files/evil.svg', false],
    ]);
    expect(open?.documentation).toEqual([{ file: 'README.md', markdown: '# Read me\n' }]);
  });

  it('refuses an archive that does not validate, with the diagnostics', async () => {
    archive = await makeArchive({
      'content/general/bad/record.yaml': recordYaml({ created: '2024-13-45' }),
    });
    const loading = loadSite(archive.root, { audience: 'public', day: '2026-11-22' });
    await expect(loading).rejects.toBeInstanceOf(ArchiveInvalidError);
    const error = (await loading.catch((caught: unknown) => caught)) as ArchiveInvalidError;
    expect(error.diagnostics.some((diagnostic) => diagnostic.code === 'CAPSULE_INVALID_DATE')).toBe(
      true,
    );
  });

  it('takes an archive already read, and skips history when asked', async () => {
    archive = await sampleArchive();
    const read = await loadArchive(archive.root);
    const content = path.join(archive.root, 'content');
    const site = await loadSite(archive.root, {
      audience: 'public',
      day: '2026-11-22',
      archive: read,
      readHistory: false,
      // Any read of the records from disk now would be a second one.
      fs: {
        ...nodeArchiveFs,
        readdir: (dir) =>
          dir.startsWith(content)
            ? Promise.reject(new Error(`${dir} was read again`))
            : nodeArchiveFs.readdir(dir),
      },
    });
    expect(site.records.map((record) => record.id)).toEqual(['general/open']);
    expect(site.history).toMatchObject({ status: 'unavailable' });
    expect(site.records[0]?.history).toMatchObject({ status: 'unavailable', revisions: [] });
    // The same records as a load that reads everything itself.
    const full = await loadSite(archive.root, { audience: 'public', day: '2026-11-22' });
    expect(site.records.map(({ history: _, ...record }) => record)).toEqual(
      full.records.map(({ history: _, ...record }) => record),
    );
  });

  it('shows HEPData tables as the validator read them, without reading them again', async () => {
    const reads: string[] = [];
    const counting: ArchiveFs = {
      ...nodeArchiveFs,
      readFile: (file) => {
        reads.push(file);
        return nodeArchiveFs.readFile(file);
      },
    };
    const site = await loadSite(REPO_ROOT, { audience: 'public', day: '2026-11-22', fs: counting });
    const record = site.records.find((entry) => entry.id === 'cms/higgs-tautau-2016');
    expect(record?.results?.tables.map((entry) => entry.path)).toEqual([
      'hepdata/mtt_mutau_vbf.yaml',
      'hepdata/mu_per_channel.yaml',
      'hepdata/mvis_pttt_mutau_boosted.yaml',
    ]);
    const content = path.join(REPO_ROOT, 'content');
    const tables = reads.filter(
      (file) => file.startsWith(content) && file.includes(`${path.sep}hepdata${path.sep}`),
    );
    expect(tables).toEqual([]);
  });
});
