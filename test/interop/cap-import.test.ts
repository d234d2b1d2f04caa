import { readFileSync } from 'node:fs';
import { cp, readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importCap } from '../../scripts/lib/import/cap/import.ts';
import { checkRecordYaml, recordYaml } from '../../scripts/lib/import/record-yaml.ts';
import { loadSchemas } from '../../scripts/lib/schemas/load-schemas.ts';
import { pointerSegments } from '../../scripts/lib/yaml/index.ts';
import { FIXTURES, REPO_ROOT } from '../helpers/repo.ts';
import { makeArchive } from '../helpers/temp-archive.ts';
import type { TempArchive } from '../helpers/temp-archive.ts';
import { runCli } from '../helpers/run-cli.ts';

/**
 * The CAP demo records (2016–2018 schema names) import into Capsule records that validate as
 * drafts, each with its report of unmapped fields; every field a report names is real, and the
 * written records pass `capsule validate --draft` in an archive, workflow files and all.
 */
const DEMO = path.join(FIXTURES, 'cap/records-demo-2018/records.json');
const input = JSON.parse(readFileSync(DEMO, 'utf8')) as Array<{ metadata: unknown }>;
const imports = importCap(input, { today: '2026-11-22' });
const { registry } = await loadSchemas(REPO_ROOT);

function at(data: unknown, pointer: string): unknown {
  let current = data;
  for (const segment of pointerSegments(pointer))
    current = (current as { [key: string]: unknown })[segment];
  return current;
}

let archive: TempArchive | undefined;
afterEach(async () => {
  await archive?.cleanup();
  archive = undefined;
});

describe('CAP demo records', () => {
  it('are the 7 records of the fixture, in their three 2016–2018 shapes', () => {
    expect(
      imports.map(
        (i) =>
          `${i.capSchema.replace(/^https:\/\/localhost:5000\/records\/jsonschemas\/|\/$/g, '') || '?'} → ${i.shape}`,
      ),
    ).toEqual([
      'ATLASWorkflows → atlas',
      'ATLASWorkflows → atlas',
      'ATLASWorkflows → atlas',
      'ATLASWorkflows → atlas',
      'LHCbAnalysis → lhcb',
      'LHCbAnalysis → lhcb',
      'CMSAnalysis → cms',
    ]);
  });

  it.each(imports.map((item, index) => ({ item, index })))(
    'record $index imports and validates as a draft',
    ({ item, index }) => {
      const yaml = recordYaml(item.record, registry);
      const diagnostics = checkRecordYaml(`${item.slug}/record.yaml`, yaml, registry);
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      // What is left to do is named: only missing required fields, as warnings.
      expect(diagnostics.every((d) => d.code === 'CAPSULE_SCHEMA_REQUIRED')).toBe(true);
      expect(item.record).toMatchObject({
        version: '1',
        created: '2026-11-22',
        access: { level: 'collaboration' },
      });
      for (const field of item.unmapped) {
        expect(at(input[index]!.metadata, field.pointer), field.pointer).not.toBeUndefined();
        expect(field.reason.length).toBeGreaterThan(10);
      }
    },
  );

  it('maps what the demo records hold and reports the rest', () => {
    const [recast, , , , kpimumu, charm, cms] = imports;
    expect(recast!.record).toMatchObject({
      title: 'Run1EwkTwoLepton',
      workflow: { engine: 'yadage', file: 'files/workflows/recast.json' },
    });
    expect(recast!.files.map((f) => f.path)).toEqual(['files/workflows/recast.json']);
    expect(kpimumu!.record).toMatchObject({
      title: 'BF of D0 -> Kpimumu',
      status: 'under-review',
      lhcb: { ana_id: 'LHCb-ANA-2014-060', review_egroup: 'lhcb-review-charm-d2kpimumu' },
      publications: expect.arrayContaining([
        expect.objectContaining({ arxiv: '1510.08367' }),
        expect.objectContaining({ cds: '2051857' }),
      ]),
    });
    expect(kpimumu!.unmapped.map((f) => `${f.pointer}: ${f.reason}`)).toEqual([
      '/publications/0/roles: a value CAP stored broken ("[object Object]")',
      '/publications/1/roles: a value CAP stored broken ("[object Object]")',
    ]);
    expect(charm!.unmapped.length).toBeGreaterThan(20);
    expect(cms!.record).toMatchObject({
      abstract: 'A few words go here',
      people: [
        { given_name: 'John', family_name: 'Doe', email: 'john.doe@cern.ch', roles: ['contact'] },
      ],
      code: [{ url: 'https://github.com/johndoe/repo', tag: 'v2.1' }],
      results: { summary: 'A conclusion go here' },
      cms: {
        cmssw_release: 'CMSSW_5_3_2',
        physics_objects: [
          { object: 'met', selection: 'CaloMET, Type1CaloCorrections', pt_min_gev: 20 },
          {
            object: 'b-jet',
            selection: 'AK5Calo, JetCorrections, medium, combinedSecondaryVertexBJetTags',
            multiplicity: '==2',
          },
        ],
      },
    });
    expect(cms!.unmapped.map((f) => f.pointer)).toContain('/basic_info/analysis_number');
  });
});

describe('capsule import cap', () => {
  it('writes records and their workflow files that pass capsule validate --draft', async () => {
    archive = await makeArchive();
    for (const [collection, schema] of [
      ['atlas', 'atlas-analysis'],
      ['lhcb', 'lhcb-analysis'],
      ['cms', 'cms-analysis'],
    ])
      await archive.write(
        `content/${collection}/collection.yaml`,
        `title: ${String(collection).toUpperCase()} analyses\ndescription: Analyses imported from CAP.\nschemas:\n  - ${schema}\ndefault_schema: ${schema}/1.0.0\nreviewers:\n  - '@example/${collection}'\ndefault_access: collaboration\n`,
      );
    const result = await runCli(['import', 'cap', DEMO, '--out', 'imported'], {
      cwd: archive.root,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '[4] LHCbAnalysis → lhcb-analysis/1.0.0: imported/lhcb-ana-2014-060/record.yaml',
    );
    expect(result.stdout).toContain(
      '/publications/0/roles = "[object Object]" — a value CAP stored broken',
    );
    expect(result.stdout).toMatch(/warnings? in 7 records checked/);
    const folders = await readdir(path.join(archive.root, 'imported'));
    expect(folders).toHaveLength(7);
    for (const folder of folders) {
      const collection = folder.startsWith('lhcb')
        ? 'lhcb'
        : folder.startsWith('cms')
          ? 'cms'
          : 'atlas';
      await cp(
        path.join(archive.root, 'imported', folder),
        path.join(archive.root, 'content', collection, folder),
        { recursive: true },
      );
    }
    const validate = await runCli(['validate', '--draft'], { cwd: archive.root });
    expect(validate.stdout).toMatch(/✔ \d+ warnings in 7 records checked\.\n$/);
    expect(validate.code).toBe(0);
  });

  it('says which input it cannot read as CAP', async () => {
    archive = await makeArchive();
    await archive.write('odd.json', JSON.stringify([{ collection: 'FCCAnalysis', metadata: {} }]));
    const result = await runCli(['import', 'cap', 'odd.json'], { cwd: archive.root });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[0] names no CAP schema Capsule knows ("FCCAnalysis")');
  });
});
