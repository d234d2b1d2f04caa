import { describe, expect, it } from 'vitest';
import { reanaSummary } from '../../../scripts/lib/reana/summary.ts';
import { pinned, validateReanaFile } from '../../../scripts/lib/reana/validate.ts';

const SPEC = `version: 0.9.0
inputs:
  files: [code/fit.C]
  parameters:
    events: 20000
    unused: 1
workflow:
  type: serial
  specification:
    steps:
      - name: fit
        environment: docker.io/reanahub/reana-env-root6
        commands:
          - root -b -q 'code/fit.C(\${events}, "\${output}")'
          - sudo make install
outputs:
  files: [results/plot.png]
`;

describe('REANA specification checks', () => {
  const check = validateReanaFile('reana.yaml', Buffer.from(SPEC));

  it('gives REANA’s advice as warnings, placed on the line', () => {
    expect(check.diagnostics.map((d) => `${d.line} ${d.severity} ${d.code} ${d.message}`)).toEqual([
      '5 warning CAPSULE_REANA_PARAMETER Serial parameter "output" found on step "fit" is not defined in input parameters.',
      '6 warning CAPSULE_REANA_PARAMETER REANA input parameter "unused" does not seem to be used.',
      '12 warning CAPSULE_REANA_IMAGE_TAG Using "docker.io/reanahub/reana-env-root6" without a fixed tag harms reproducibility; pin an explicit version.',
      '15 warning CAPSULE_REANA_ADVICE Operation "sudo" found in step "fit" might be dangerous.',
    ]);
  });

  it('treats an unknown key as a warning and a wrong value as an error', () => {
    const broken = validateReanaFile(
      'reana.yaml',
      Buffer.from(SPEC.replace('type: serial', 'type: nextflow').replace('outputs:', 'output:')),
    );
    expect(
      broken.diagnostics
        .filter((d) => d.code.startsWith('CAPSULE_REANA_S') || d.code.endsWith('UNKNOWN_KEY'))
        .map((d) => `${d.severity} ${d.code}`),
    ).toEqual(['error CAPSULE_REANA_SCHEMA', 'warning CAPSULE_REANA_UNKNOWN_KEY']);
  });

  it('knows a pinned image from a floating one', () => {
    expect(pinned('reanahub/reana-env-root6:6.18.04')).toBe(true);
    expect(pinned('registry:5000/image@sha256:' + 'a'.repeat(64))).toBe(true);
    expect(pinned('registry:5000/image')).toBe(false);
    expect(pinned('image:latest')).toBe(false);
  });

  it('summarises the workflow with the commands that run it again', () => {
    const summary = reanaSummary(check.specification, {
      recordDir: 'content/cms/fit',
      file: 'reana.yaml',
      name: 'fit',
    });
    expect(summary).toMatchObject({
      type: 'serial',
      version: '0.9.0',
      steps: [{ name: 'fit', environment: 'docker.io/reanahub/reana-env-root6' }],
      inputs: {
        files: ['code/fit.C'],
        parameters: [
          { name: 'events', value: '20000' },
          { name: 'unused', value: '1' },
        ],
      },
      outputs: { files: ['results/plot.png'] },
    });
    expect(summary.commands).toEqual([
      'cd content/cms/fit',
      'export REANA_SERVER_URL=https://reana.cern.ch',
      'export REANA_ACCESS_TOKEN=<your access token>',
      'reana-client validate',
      'reana-client run -w fit',
      'reana-client status -w fit',
      'reana-client download -w fit results/plot.png',
    ]);
  });
});
