import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bagDirectoryReader } from '../../scripts/lib/export/bag-directory.ts';
import { verifyBag } from '../../scripts/lib/export/bagit.ts';
import { parseYaml } from '../../scripts/lib/yaml/index.ts';
import { makeArchive, recordYaml } from '../helpers/temp-archive.ts';
import type { TempArchive } from '../helpers/temp-archive.ts';
import { runCli } from '../helpers/run-cli.ts';
import { parseXml } from '../helpers/xml.ts';

let archive: TempArchive | undefined;
afterEach(async () => {
  await archive?.cleanup();
  archive = undefined;
});

const RECORD = 'content/general/top-mass/record.yaml';

describe('capsule export', () => {
  it('prints each text format of a valid record', async () => {
    archive = await makeArchive({ [RECORD]: recordYaml({ doi: '10.5281/zenodo.42' }) });
    const run = (format: string) =>
      runCli(['export', 'general/top-mass', '--format', format], { cwd: archive!.root });
    const datacite = await run('datacite');
    expect(datacite.code).toBe(0);
    expect(JSON.parse(datacite.stdout)).toMatchObject({
      doi: '10.5281/zenodo.42',
      url: 'https://archive.example.org/records/general/top-mass/',
    });
    expect(JSON.parse((await run('jsonld')).stdout)['@type']).toBe('Dataset');
    expect((await run('bibtex')).stdout).toMatch(/^@misc\{general:top-mass:2024,/);
    expect(parseYaml((await run('cff')).stdout).value).toMatchObject({
      'cff-version': '1.2.0',
      doi: '10.5281/zenodo.42',
    });
    expect(JSON.parse((await run('rocrate')).stdout)['@graph'][1]['@id']).toBe('./');
    expect(parseXml((await run('oai_dc')).stdout).documentElement.localName).toBe('dc');
    expect((await run('latex')).stdout).toContain('\\begin{tabular}');
  });

  it('writes a BagIt package that verifies, with the record folder as payload', async () => {
    archive = await makeArchive({ [RECORD]: recordYaml() });
    const result = await runCli(
      ['export', 'general/top-mass', '--format', 'bagit', '--out', 'bag'],
      { cwd: archive.root },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(
      /^Wrote and verified the bag bag: 2 payload files, \d+ bytes, sha512 manifests\.\n$/,
    );
    const bag = path.join(archive.root, 'bag');
    expect(await verifyBag(bagDirectoryReader(bag))).toMatchObject({
      valid: true,
      payloadFiles: 2,
    });
    expect(await readFile(path.join(bag, 'data/record.yaml'), 'utf8')).toBe(recordYaml());
  });

  it('refuses a record with errors and says why, and reports usage mistakes', async () => {
    archive = await makeArchive({ [RECORD]: recordYaml({ title: '' }) });
    const invalid = await runCli(['export', 'general/top-mass', '--format', 'bibtex'], {
      cwd: archive.root,
    });
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr).toContain('CAPSULE_SCHEMA_REQUIRED');
    const unknown = await runCli(['export', 'general/nothing', '--format', 'bibtex'], {
      cwd: archive.root,
    });
    expect([unknown.code, unknown.stderr]).toEqual([
      2,
      expect.stringContaining('No record general/nothing'),
    ]);
    const format = await runCli(['export', 'general/top-mass', '--format', 'docx'], {
      cwd: archive.root,
    });
    expect([format.code, format.stderr]).toEqual([
      2,
      expect.stringContaining('--format must be one of'),
    ]);
  });

  it('says when an export is of a record that is not public', async () => {
    archive = await makeArchive({ [RECORD]: recordYaml({ access: '\n  level: collaboration' }) });
    const result = await runCli(['export', 'general/top-mass', '--format', 'bibtex'], {
      cwd: archive.root,
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'note: general/top-mass is collaboration; keep this export inside the collaboration.\n',
    );
  });
});
