import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { opendataRecords, opendataReference } from '../../scripts/lib/import/opendata.ts';
import { loadSchemas } from '../../scripts/lib/schemas/load-schemas.ts';
import { pointerSegments } from '../../scripts/lib/yaml/index.ts';
import { parseYaml } from '../../scripts/lib/yaml/index.ts';
import { FIXTURES, REPO_ROOT } from '../helpers/repo.ts';
import { makeArchive, recordYaml } from '../helpers/temp-archive.ts';
import type { TempArchive } from '../helpers/temp-archive.ts';
import { runCli } from '../helpers/run-cli.ts';

/** Every CERN Open Data record in ../shared/fixtures imports into a valid reference. */
const DIR = path.join(FIXTURES, 'opendata/records');
const files = readdirSync(DIR);
const records = files.flatMap((file) =>
  opendataRecords(JSON.parse(readFileSync(path.join(DIR, file), 'utf8'))).map((record) => ({
    file,
    record,
  })),
);
const { registry } = await loadSchemas(REPO_ROOT);
const SCHEMAS = {
  datasets: registry.validator('common/1.0.0/dataset'),
  code: registry.validator('common/1.0.0/code-repository'),
  links: registry.validator('common/1.0.0/link'),
};

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

describe('CERN Open Data records', () => {
  it('are all read from the fixtures (15 records in 8 files)', () => {
    expect(files).toHaveLength(8);
    expect(records).toHaveLength(15);
  });

  it.each(records.map((r) => ({ ...r, recid: String((r.record as { recid: unknown }).recid) })))(
    'record $recid ($file) imports into a reference its schema accepts, reporting every field it leaves',
    ({ record }) => {
      const reference = opendataReference(record);
      const validate = SCHEMAS[reference.target];
      expect(validate(reference.entry), JSON.stringify(validate.errors)).toBe(true);
      if (reference.link) expect(SCHEMAS.links(reference.link)).toBe(true);
      for (const field of reference.unmapped) {
        expect(at(record, field.pointer), field.pointer).not.toBeUndefined();
        expect(field.reason.length).toBeGreaterThan(10);
      }
      expect(reference.unmapped.some((f) => f.pointer === '/recid' || f.pointer === '/title')).toBe(
        false,
      );
    },
  );

  it('maps a collision dataset completely: DOI, size, events, run periods, file-index checksum', () => {
    const lhcb = records.find((r) => (r.record as { recid: string }).recid === '28046')!;
    expect(opendataReference(lhcb.record).entry).toEqual({
      title: 'LHCb 2012 Beam4000GeV MagUp DIMUON Stream Stripping21',
      kind: 'collision-data',
      doi: '10.7483/OPENDATA.LHCB.8ZR0.LHLW',
      uri: 'https://opendata.cern.ch/record/28046',
      opendata_recid: '28046',
      format: 'DST',
      size: 21143705577793,
      events: 237186948,
      checksum: { algorithm: 'adler32', value: '394955e9' },
      run_periods: ['2012'],
      description: expect.stringContaining('collected by the LHCb experiment in the year 2012'),
    });
  });

  it('turns software into a code entry and documentation into links', () => {
    const targets = Object.fromEntries(
      records.map((r) => [
        String((r.record as { recid: unknown }).recid),
        opendataReference(r.record).target,
      ]),
    );
    expect(targets).toMatchObject({
      '12360': 'code',
      '12507': 'code',
      '1204': 'links',
      '410': 'links',
      '41': 'links',
    });
  });
});

describe('capsule import opendata', () => {
  it('prints YAML to paste, with the report on stderr', async () => {
    archive = await makeArchive();
    const file = path.join(
      DIR,
      'LHCb_2012_Beam4000GeV_VeloClosed_MagUp_RealData_Reco14_Stripping21_DIMUON_DST.json',
    );
    const result = await runCli(['import', 'opendata', file], { cwd: archive.root });
    expect(result.code).toBe(0);
    expect(parseYaml(result.stdout).value).toMatchObject({
      datasets: [{ opendata_recid: '28046', kind: 'collision-data' }],
    });
    expect(result.stderr).toContain(
      '28046 Dataset/Collision → datasets: LHCb 2012 Beam4000GeV MagUp DIMUON Stream Stripping21',
    );
    expect(result.stderr).toContain('/methodology = ');
  });

  it('adds references to a record as a minimal diff, once', async () => {
    const record = `${recordYaml()}# the datasets the analysis reads\ndatasets:\n  - title: My skim # derived\n    kind: derived\n`;
    archive = await makeArchive({ 'content/general/top-mass/record.yaml': record });
    const file = path.join(DIR, 'cms-tools-nanoaod-outreach-higgsfourleptons.json');
    const first = await runCli(
      [
        'import',
        'opendata',
        path.join(
          DIR,
          'LHCb_2012_Beam4000GeV_VeloClosed_MagUp_RealData_Reco14_Stripping21_DIMUON_DST.json',
        ),
        '--into',
        'general/top-mass',
      ],
      { cwd: archive.root },
    );
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Added 1 reference to content/general/top-mass/record.yaml.');
    const second = await runCli(['import', 'opendata', file, '--into', 'general/top-mass'], {
      cwd: archive.root,
    });
    expect(second.code).toBe(0);
    const written = readFileSync(
      path.join(archive.root, 'content/general/top-mass/record.yaml'),
      'utf8',
    );
    expect(written.startsWith(record)).toBe(true);
    expect(written.slice(record.length)).toMatch(
      /^ {2}- title: LHCb 2012 Beam4000GeV MagUp DIMUON Stream Stripping21\n {4}kind: collision-data\n/,
    );
    expect(written).toMatch(
      /\ncode:\n {2}- url: https:\/\/github.com\/cms-opendata-analyses\/HiggsToFourLeptonsNanoAODOutreachAnalysis\n/,
    );
    expect(written).toMatch(
      /\nlinks:\n {2}- title: "CERN Open Data: Analysis of Higgs boson decays/,
    );
    const again = await runCli(['import', 'opendata', file, '--into', 'general/top-mass'], {
      cwd: archive.root,
    });
    expect(again.stdout).toContain(
      'Added 0 references to content/general/top-mass/record.yaml; 1 it already had.',
    );
    expect(
      readFileSync(path.join(archive.root, 'content/general/top-mass/record.yaml'), 'utf8'),
    ).toBe(written);
    const validate = await runCli(['validate'], { cwd: archive.root });
    expect(validate.stdout).toBe('✔ 1 record checked: all valid.\n');
  });
});
