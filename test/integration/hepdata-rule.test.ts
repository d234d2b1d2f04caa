import { afterEach, describe, expect, it } from 'vitest';
import { makeArchive, recordYaml } from '../helpers/temp-archive.ts';
import type { TempArchive } from '../helpers/temp-archive.ts';
import { runCli } from '../helpers/run-cli.ts';

let archive: TempArchive | undefined;
afterEach(async () => {
  await archive?.cleanup();
  archive = undefined;
});

const RECORD = 'content/general/zz-7tev';
const SUBMISSION = `---
comment: Cross sections.
---
name: Table 1
description: The cross section.
keywords:
  - {name: cmenergies, values: [7000]}
data_file: sigma.yaml
`;
const TABLE = `independent_variables:
  - header: {name: SQRT(S), units: GEV}
    values:
      - {value: 7000}
dependent_variables:
  - header: {name: SIG, units: FB}
    values:
      - {value: 6.7, errors: [{symerror: 5%, label: stat}]}
`;

describe('capsule validate on a record with HEPData results', () => {
  it('accepts a valid submission folder', async () => {
    archive = await makeArchive({
      [`${RECORD}/record.yaml`]: recordYaml({ results: '\n  hepdata:\n    path: hepdata' }),
      [`${RECORD}/hepdata/submission.yaml`]: SUBMISSION,
      [`${RECORD}/hepdata/sigma.yaml`]: TABLE,
    });
    const result = await runCli(['validate'], { cwd: archive.root });
    expect(result.stdout).toBe('✔ 1 record checked: all valid.\n');
    expect(result.code).toBe(0);
  });

  it('reports HEPData problems at their file and line, and fails the record', async () => {
    archive = await makeArchive({
      [`${RECORD}/record.yaml`]: recordYaml({ results: '\n  hepdata:\n    path: hepdata' }),
      [`${RECORD}/hepdata/submission.yaml`]: SUBMISSION.replace('[7000]', '[7 TeV]'),
      [`${RECORD}/hepdata/sigma.yaml`]: TABLE.replace('5%', '0'),
      [`${RECORD}/hepdata/notes.txt`]: 'stray\n',
    });
    const result = await runCli(['validate'], { cwd: archive.root });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `${RECORD}/hepdata/submission.yaml:7:33 error CAPSULE_HEPDATA_CMENERGIES Invalid value (in GeV) for cmenergies: "7 TeV"`,
    );
    expect(result.stdout).toContain(
      `${RECORD}/hepdata/sigma.yaml:8:30 error CAPSULE_HEPDATA_ZERO_UNCERTAINTY`,
    );
    expect(result.stdout).toContain(
      `${RECORD}/hepdata/notes.txt:1:1 error CAPSULE_HEPDATA_FILE_UNREFERENCED`,
    );
    expect(result.stdout).toContain('3 errors');
  });
});
