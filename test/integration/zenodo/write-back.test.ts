import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSchemas } from '../../../scripts/lib/schemas/load-schemas.ts';
import { WriteBackError, writeBack } from '../../../scripts/lib/zenodo/write-back.ts';
import { makeArchive, recordYaml } from '../../helpers/temp-archive.ts';
import type { TempArchive } from '../../helpers/temp-archive.ts';

let archive: TempArchive | undefined;
afterEach(() => archive?.cleanup());

const minted = {
  doi: '10.5072/zenodo.100002',
  conceptDoi: '10.5072/zenodo.100001',
  depositionId: 100002,
  conceptRecid: '100001',
  version: '1',
};

describe('writeBack', () => {
  it('adds doi, concept_doi and zenodo where the schema orders them, leaving every other line alone', async () => {
    const original = `# The top-quark mass, measured with 2016 data.
$schema: analysis/1.0.0
title: Measurement of the top quark mass # from the paper
abstract: A measurement.
version: '1'
created: 2024-03-01
experiment: CMS
access:
  level: public
people:
  - given_name: Ada
    family_name: Lovelace
license: CC-BY-4.0
related_records:
  - general/other
`;
    archive = await makeArchive({ 'content/general/top-mass/record.yaml': original });
    const { registry } = await loadSchemas(archive.root);
    await writeBack(archive.root, 'content/general/top-mass/record.yaml', minted, registry);
    const written = await readFile(
      path.join(archive.root, 'content/general/top-mass/record.yaml'),
      'utf8',
    );
    expect(written).toBe(
      `${original}doi: 10.5072/zenodo.100002\nconcept_doi: 10.5072/zenodo.100001\nzenodo:\n  deposition_id: 100002\n  concept_recid: '100001'\n  version: '1'\n`,
    );
  });

  it('updates an earlier version’s DOI in place', async () => {
    const text =
      recordYaml({ version: "'2'" }) +
      "doi: 10.5072/zenodo.100002\nconcept_doi: 10.5072/zenodo.100001\nzenodo:\n  deposition_id: 100002 # v1\n  concept_recid: '100001'\n  version: '1'\n";
    archive = await makeArchive({ 'content/general/top-mass/record.yaml': text });
    const { registry } = await loadSchemas(archive.root);
    await writeBack(
      archive.root,
      'content/general/top-mass/record.yaml',
      { ...minted, doi: '10.5072/zenodo.100009', depositionId: 100009, version: '2' },
      registry,
    );
    const written = await readFile(
      path.join(archive.root, 'content/general/top-mass/record.yaml'),
      'utf8',
    );
    expect(written).toBe(
      text
        .replace('zenodo.100002\n', 'zenodo.100009\n')
        .replace('100002 # v1', '100009 # v1')
        .replace("version: '1'\n", "version: '2'\n"),
    );
  });

  it('keeps a record.md’s documentation byte for byte', async () => {
    const body = '\n# Notes\n\nSome *Markdown*, with trailing spaces  \n';
    archive = await makeArchive({
      'content/general/top-mass/record.md': `---\n${recordYaml()}---\n${body}`,
    });
    const { registry } = await loadSchemas(archive.root);
    await writeBack(archive.root, 'content/general/top-mass/record.md', minted, registry);
    const written = await readFile(
      path.join(archive.root, 'content/general/top-mass/record.md'),
      'utf8',
    );
    expect(written.endsWith(`---\n${body}`)).toBe(true);
    expect(written).toContain('doi: 10.5072/zenodo.100002\n');
    expect(written.startsWith(`---\n${recordYaml()}`)).toBe(true);
  });

  it('refuses to write a DOI into a record that moved to another version meanwhile', async () => {
    archive = await makeArchive({
      'content/general/top-mass/record.yaml': recordYaml({ version: "'3'" }),
    });
    const { registry } = await loadSchemas(archive.root);
    const file = path.join(archive.root, 'content/general/top-mass/record.yaml');
    const before = await readFile(file, 'utf8');
    await expect(
      writeBack(archive.root, 'content/general/top-mass/record.yaml', minted, registry),
    ).rejects.toThrow(WriteBackError);
    expect(await readFile(file, 'utf8')).toBe(before);
  });
});
