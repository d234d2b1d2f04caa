import { existsSync } from 'node:fs';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ZenodoEmulator } from '../../../scripts/emulators/zenodo/server.ts';
import { parseYaml } from '../../../scripts/lib/yaml/index.ts';
import type { TempArchive } from '../../helpers/temp-archive.ts';
import {
  TOKEN,
  depositions,
  mintArchive,
  recordFiles,
  runMint,
  setFaults,
} from '../../helpers/zenodo.ts';
import { startEmulator } from '../../helpers/zenodo.ts';

let emulator: ZenodoEmulator;
let archive: TempArchive | undefined;
beforeEach(async () => {
  emulator = await startEmulator();
});
afterEach(async () => {
  await emulator.close();
  await archive?.cleanup();
  archive = undefined;
});

async function recordData(slug: string): Promise<{ [key: string]: unknown }> {
  const text = await readFile(
    path.join(archive!.root, `content/general/${slug}/record.yaml`),
    'utf8',
  );
  return parseYaml(text).value as { [key: string]: unknown };
}

async function bump(
  slug: string,
  version: string,
  changes: { [file: string]: string } = {},
): Promise<void> {
  const file = path.join(archive!.root, `content/general/${slug}/record.yaml`);
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replace(/^version: '\d+'$/m, `version: '${version}'`));
  for (const [name, content] of Object.entries(changes))
    await archive!.write(`content/general/${slug}/${name}`, content);
}

describe('capsule mint against the Zenodo emulator', () => {
  it('mints first versions, writes doi, concept_doi and zenodo back, and sends only public records', async () => {
    archive = await mintArchive([
      { slug: 'alpha', readme: '# Alpha\n', files: { 'fit.C': 'void fit() {}\n' } },
      { slug: 'beta' },
      { slug: 'internal', access: '\n  level: collaboration' },
      { slug: 'secret', access: '\n  level: restricted\n  groups:\n    - conveners' },
    ]);
    const result = await runMint(archive, emulator);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2 DOIs minted, 0 failed, 2 not public, 0 already minted.');

    const held = await depositions(emulator);
    expect(held).toHaveLength(2);
    expect(held.every((deposition) => deposition.published && deposition.publishCount === 1)).toBe(
      true,
    );
    expect(held.flatMap((deposition) => deposition.alternateIdentifiers).sort()).toEqual([
      'https://archive.example.org/records/general/alpha/',
      'https://archive.example.org/records/general/beta/',
    ]);
    const alphaDeposition = held.find((deposition) =>
      deposition.alternateIdentifiers[0]?.includes('alpha'),
    )!;
    expect(alphaDeposition.files.map((file) => file.key).sort()).toEqual([
      'README.md',
      'files/fit.C',
      'record.yaml',
    ]);

    const alpha = await recordData('alpha');
    expect(alpha.doi).toBe(alphaDeposition.doi);
    expect(alpha.concept_doi).toBe(alphaDeposition.conceptdoi);
    expect(alpha.zenodo).toEqual({
      deposition_id: alphaDeposition.id,
      concept_recid: alphaDeposition.conceptrecid,
      version: '1',
    });
    // Everything written back: the journal is gone.
    expect(existsSync(path.join(archive.root, '.capsule/mint-journal.json'))).toBe(false);
  });

  it('mints a new version under the same concept DOI, uploading only the files that changed', async () => {
    archive = await mintArchive([
      {
        slug: 'alpha',
        readme: '# Alpha\n',
        files: { 'fit.C': 'void fit() {}\n', 'cuts.txt': 'pt > 20\n' },
      },
    ]);
    expect((await runMint(archive, emulator)).code).toBe(0);
    const first = await recordData('alpha');

    // Version 2 changes README.md; fit.C and cuts.txt stay as they were.
    await bump('alpha', '2', { 'README.md': '# Alpha, revised\n' });
    const before = emulator.requests.length;
    const result = await runMint(archive, emulator);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('files: 2 uploaded, 2 unchanged, 0 removed');
    const uploads = emulator.requests
      .slice(before)
      .filter((request) => request.method === 'PUT' && request.path.startsWith('/api/files/'));
    expect(
      uploads
        .map((request) => decodeURIComponent(request.path.split('/').slice(4).join('/')))
        .sort(),
    ).toEqual(['README.md', 'record.yaml']);

    const second = await recordData('alpha');
    expect(second.concept_doi).toBe(first.concept_doi);
    expect(second.doi).not.toBe(first.doi);
    const held = await depositions(emulator);
    expect(
      held
        .filter((deposition) => deposition.published)
        .map((deposition) => deposition.version)
        .sort(),
    ).toEqual(['1', '2']);
    expect(new Set(held.map((deposition) => deposition.conceptrecid)).size).toBe(1);

    // Version 3 changes nothing but the record: the preserved files are not sent again.
    await bump('alpha', '3');
    const again = await runMint(archive, emulator);
    expect(again.stdout).toContain('files: 1 uploaded, 3 unchanged, 0 removed');
    expect((await recordData('alpha')).concept_doi).toBe(first.concept_doi);
  });

  it('removes files from a new version that the record no longer has', async () => {
    archive = await mintArchive([
      { slug: 'alpha', files: { 'old.txt': 'old\n', 'kept.txt': 'kept\n' } },
    ]);
    expect((await runMint(archive, emulator)).code).toBe(0);
    const dir = `content/general/alpha`;
    await archive.write(
      `${dir}/record.yaml`,
      recordFiles({ slug: 'alpha', version: '2', files: { 'kept.txt': 'kept\n' } })[
        `${dir}/record.yaml`
      ]!,
    );
    await rm(path.join(archive.root, dir, 'files/old.txt'));
    const result = await runMint(archive, emulator);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('files: 1 uploaded, 1 unchanged, 1 removed');
    const latest = (await depositions(emulator)).find((deposition) => deposition.version === '2')!;
    expect(latest.files.map((file) => file.key).sort()).toEqual(['files/kept.txt', 'record.yaml']);
  });

  it('deposits an embargoed record as Zenodo embargoed with its date', async () => {
    archive = await mintArchive([
      { slug: 'later', access: '\n  level: public\n  embargo_until: 2027-06-30' },
    ]);
    const result = await runMint(archive, emulator);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('(first version, embargoed)');
    const [held] = await depositions(emulator);
    expect(held).toMatchObject({
      published: true,
      accessRight: 'embargoed',
      embargoDate: '2027-06-30',
    });
    expect((await recordData('later')).doi).toBe(held!.doi);
  });

  it('reports a permanent 400 with Zenodo’s field messages and leaves the record untouched', async () => {
    archive = await mintArchive([
      { slug: 'odd', fields: { license: 'Capsule-Private-1.0' } },
      { slug: 'fine' },
    ]);
    const file = path.join(archive.root, 'content/general/odd/record.yaml');
    const before = await readFile(file);
    const result = await runMint(archive, emulator);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('general/odd: Zenodo refused: POST');
    expect(result.stdout).toContain('400 A validation error occurred.');
    expect(result.stdout).toContain('metadata.license: Invalid licence: capsule-private-1.0.');
    expect(result.stdout).toContain('1 DOI minted, 1 failed');
    expect(await readFile(file)).toEqual(before);
    const held = await depositions(emulator);
    expect(held).toHaveLength(1);
    expect(held[0]!.alternateIdentifiers[0]).toContain('/general/fine/');
  });

  it('does a dry run without a token: prints the metadata and files, sends nothing', async () => {
    archive = await mintArchive([{ slug: 'alpha', files: { 'fit.C': 'void fit() {}\n' } }]);
    const result = await runMint(archive, undefined, [], {
      ZENODO_API_URL: emulator.apiUrl,
      ZENODO_TOKEN: '',
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('ZENODO_TOKEN is not set: this is a dry run, nothing is sent.');
    expect(result.stdout).toContain('"title": "Measurement number alpha"');
    expect(result.stdout).toContain('"orcid": "0000-0002-1825-0097"');
    expect(result.stdout).toContain(`files/fit.C  14 bytes  md5`);
    expect(result.stdout).toContain('Dry run: 1 record would be minted');
    expect(emulator.requests).toHaveLength(0);
    expect((await recordData('alpha')).doi).toBeUndefined();
  });

  it('mints only the record named with --only, and refuses an unknown one with exit code 2', async () => {
    archive = await mintArchive([{ slug: 'alpha' }, { slug: 'beta' }]);
    const result = await runMint(archive, emulator, ['--only', 'general/beta']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 DOI minted');
    expect((await recordData('alpha')).doi).toBeUndefined();
    expect((await recordData('beta')).doi).toMatch(/^10\.5072\/zenodo\.\d+$/);
    const unknown = await runMint(archive, emulator, ['--only', 'general/gamma']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('There is no record general/gamma');
  });

  it('stops at once when Zenodo refuses the token, and says what to check', async () => {
    archive = await mintArchive([{ slug: 'alpha' }, { slug: 'beta' }]);
    const result = await runMint(archive, emulator, [], { ZENODO_TOKEN: 'a-wrong-token-0000' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('403 Permission denied.');
    expect(result.stdout).toContain('Check ZENODO_TOKEN');
    expect(result.stdout).toContain('general/beta: not attempted');
    expect(emulator.requests.length).toBe(1);
  });

  it('never lets the token appear in output, errors, the journal or the records', async () => {
    archive = await mintArchive([{ slug: 'alpha' }, { slug: 'beta' }]);
    // Publishes whose answers are lost leave journal entries and errors naming the requests.
    await setFaults(emulator, {
      rules: [
        { method: 'GET', path: '/deposit/depositions/\\d+$', kind: 'drop', times: 100 },
        { method: 'POST', path: '/actions/publish$', kind: 'drop-after', times: 100 },
      ],
    });
    const failed = await runMint(archive, emulator, [], { CAPSULE_DEBUG: '1' });
    expect(failed.code).toBe(1);
    expect(existsSync(path.join(archive.root, '.capsule/mint-journal.json'))).toBe(true);
    await setFaults(emulator, {});
    const recovered = await runMint(archive, emulator);
    expect(recovered.code).toBe(0);
    const texts = [failed.stdout, failed.stderr, recovered.stdout, recovered.stderr];
    const files = await listFiles(archive.root);
    for (const file of files) texts.push(await readFile(file, 'utf8'));
    expect(failed.stdout).toContain('connection failed');
    for (const text of texts) expect(text).not.toContain(TOKEN);
    expect(emulator.requests.every((request) => request.auth === 'bearer')).toBe(true);
    expect(new Set(emulator.requests.map((request) => request.userAgent.split(' ')[0]))).toEqual(
      new Set(['capsule/0.1.0']),
    );
  });

  it('refuses records that do not validate, without contacting Zenodo for them', async () => {
    archive = await mintArchive([{ slug: 'broken', files: { 'fit.C': 'void fit() {}\n' } }]);
    await archive.write('content/general/broken/files/fit.C', 'changed after listing\n');
    const result = await runMint(archive, emulator);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'general/broken: does not validate (1 error): nothing was sent.',
    );
    expect(result.stdout).toContain('npx capsule validate content/general/broken');
    expect(emulator.requests).toHaveLength(0);
  });
});

describe('capsule mint when Zenodo’s answers go missing', () => {
  it('finds the draft a lost create made, once Zenodo’s search index shows it, instead of making another', async () => {
    await emulator.close();
    emulator = await startEmulator({ searchLagMs: 300 });
    archive = await mintArchive([{ slug: 'alpha' }]);
    await setFaults(emulator, {
      rules: [
        { method: 'POST', path: '^/api/deposit/depositions$', kind: 'lost-response', times: 1 },
      ],
    });
    const result = await runMint(archive, emulator, [], { CAPSULE_ZENODO_WAIT_SCALE: '0.2' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('create got no answer');
    expect(result.stdout).toMatch(/found draft \d+/);
    const held = await depositions(emulator);
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ published: true, publishCount: 1 });
    expect(
      emulator.requests.filter(
        (request) => request.method === 'POST' && request.path === '/api/deposit/depositions',
      ),
    ).toHaveLength(1);
  });

  it('publishes once when the publish answer is lost: it reads the deposition back', async () => {
    archive = await mintArchive([{ slug: 'alpha' }]);
    await setFaults(emulator, {
      rules: [{ method: 'POST', path: '/actions/publish$', kind: 'lost-response', times: 1 }],
    });
    const result = await runMint(archive, emulator);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('publish got no clear answer (504');
    expect(
      emulator.requests.filter((request) => request.path.endsWith('/actions/publish')),
    ).toHaveLength(1);
    expect((await recordData('alpha')).doi).toBe((await depositions(emulator))[0]!.doi);
  });

  it('refuses to send a collaboration record named with --only', async () => {
    archive = await mintArchive([{ slug: 'internal', access: '\n  level: collaboration' }]);
    const result = await runMint(archive, emulator, ['--only', 'general/internal']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'general/internal: is not a public record: collaboration and restricted records are never sent to Zenodo.',
    );
    expect(emulator.requests).toHaveLength(0);
  });
});

async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && !entry.parentPath.includes(`${path.sep}schemas`))
      out.push(path.join(entry.parentPath, entry.name));
  }
  return out;
}
