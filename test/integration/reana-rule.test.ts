import { afterEach, describe, expect, it } from 'vitest';
import { makeArchive, recordYaml } from '../helpers/temp-archive.ts';
import type { TempArchive } from '../helpers/temp-archive.ts';
import { runCli } from '../helpers/run-cli.ts';

let archive: TempArchive | undefined;
afterEach(async () => {
  await archive?.cleanup();
  archive = undefined;
});

describe('capsule validate on a record with a REANA workflow', () => {
  it('reports a workflow file REANA needs and a path leaving the record', async () => {
    const dir = 'content/general/roofit';
    archive = await makeArchive({
      [`${dir}/record.yaml`]: recordYaml({ workflow: '\n  engine: reana\n  file: reana.yaml' }),
      [`${dir}/reana.yaml`]: `inputs:\n  files: [../secret.txt]\nworkflow:\n  type: yadage\n  file: workflow/yadage/workflow.yaml\n`,
    });
    const result = await runCli(['validate'], { cwd: archive.root });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `${dir}/reana.yaml:2:11 error CAPSULE_REANA_FILE_PATH The path \`../secret.txt\` climbs out with \`..\``,
    );
    expect(result.stdout).toContain(
      `${dir}/reana.yaml:5:9 error CAPSULE_REANA_FILE_MISSING reana.yaml names the file \`workflow/yadage/workflow.yaml\``,
    );
  });
});
