import { describe, expect, it } from 'vitest';
import { resultsView } from '../../../scripts/lib/site/results-view.ts';
import { workflowView } from '../../../scripts/lib/site/workflow-view.ts';

describe('workflowView', () => {
  it('reads a serial REANA workflow: inputs, steps with their environment, outputs', () => {
    const view = workflowView(
      'reana.yaml',
      `version: 0.6.0
inputs:
  files: [code/fit.py]
  parameters:
    mass: 125
workflow:
  type: serial
  specification:
    steps:
      - name: fit
        environment: docker.io/root:6
        commands: [python code/fit.py]
outputs:
  files: [results/fit.txt]
`,
    );
    expect(view).toEqual({
      file: 'reana.yaml',
      type: 'serial',
      inputs: {
        files: ['code/fit.py'],
        directories: [],
        parameters: [{ name: 'mass', value: '125' }],
      },
      steps: [{ name: 'fit', environment: 'docker.io/root:6', commands: ['python code/fit.py'] }],
      outputs: { files: ['results/fit.txt'], directories: [] },
    });
  });

  it('says why when the file cannot be read', () => {
    expect(workflowView('reana.yaml', 'a: [').problem).toBeTruthy();
  });
});

describe('resultsView', () => {
  it('turns HEPData tables into rows of formatted cells', () => {
    const tables = resultsView(
      `---\ncomment: x\n---\nname: Table 1\ndescription: Signal strength\nkeywords:\n  - {name: observables, values: [MU]}\ndata_file: t1.yaml\n---\nname: Table 2\ndata_file: missing.yaml\n`,
      (name) =>
        name === 't1.yaml'
          ? `independent_variables:\n  - header: {name: Channel}\n    values: [{value: mu mu}, {low: 0, high: 20}]\ndependent_variables:\n  - header: {name: MU, units: '1'}\n    qualifiers: [{name: SQRT(S), units: GEV, value: 13000}]\n    values:\n      - value: 1.2\n        errors: [{symerror: 0.1, label: stat}]\n      - value: 0.9\n        errors: [{asymerror: {plus: 0.2, minus: -0.1}}]\n`
          : undefined,
    );
    expect(tables[0]).toMatchObject({
      name: 'Table 1',
      columns: [
        { header: 'Channel', kind: 'independent', qualifiers: [] },
        { header: 'MU [1]', kind: 'dependent', qualifiers: ['SQRT(S) = 13000 GEV'] },
      ],
      rows: [
        ['mu mu', '1.2 ± 0.1 (stat)'],
        ['0 – 20', '0.9 +0.2 −0.1'],
      ],
    });
    expect(tables[1]?.problem).toBe('missing.yaml is missing.');
  });
});
