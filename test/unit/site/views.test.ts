import { describe, expect, it } from 'vitest';
import { workflowView } from '../../../scripts/lib/site/workflow-view.ts';

describe('workflowView', () => {
  it('reads a serial REANA workflow: inputs, steps with their environment, outputs', () => {
    const view = workflowView(
      'reana.yaml',
      `version: 0.9.3
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
      { recordDir: 'content/cms/fit', name: 'fit' },
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
      version: '0.9.3',
      resources: [],
      rerun: [
        'cd content/cms/fit',
        'export REANA_SERVER_URL=https://reana.cern.ch',
        'export REANA_ACCESS_TOKEN=<your access token>',
        'reana-client validate',
        'reana-client run -w fit',
        'reana-client status -w fit',
        'reana-client download -w fit results/fit.txt',
      ],
    });
  });

  it('says why when the file cannot be read', () => {
    const view = workflowView('reana.yaml', 'a: [', { recordDir: 'content/x/y', name: 'y' });
    expect(view.problem).toBeTruthy();
    expect(view.rerun).toEqual([]);
  });
});
