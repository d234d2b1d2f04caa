import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADA, makeGitArchive } from '../helpers/git-repo.ts';
import type { GitArchive } from '../helpers/git-repo.ts';
import { runCli } from '../helpers/run-cli.ts';
import { COLLECTION_YAML, makeArchive, recordYaml } from '../helpers/temp-archive.ts';

let repo: GitArchive | undefined;
afterEach(async () => {
  await repo?.cleanup();
  repo = undefined;
});

const macro = 'void fit() { /* the fit */ }\n';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const withFile = recordYaml({
  files: `\n  - path: files/fit.C\n    size: ${Buffer.byteLength(macro)}\n    sha256: ${sha256(macro)}`,
});

describe('capsule fsck', () => {
  it('verifies every preserved file and the repository, and finds a changed file', async () => {
    repo = await makeGitArchive({
      'content/general/top-mass/record.yaml': withFile,
      'content/general/top-mass/files/fit.C': macro,
    });
    repo.commit('Start', ADA, '2024-01-01T00:00:00Z');
    const healthy = await runCli(['fsck'], { cwd: repo.root });
    expect(healthy.stdout).toBe(
      'Verified 1 preserved files (29 B) of 1 records against their sha256 and size; git fsck: ok.\n✔ 1 record checked: all valid.\n',
    );
    expect(healthy.code).toBe(0);

    // Same size, different bytes: only the checksum can tell.
    await writeFile(
      path.join(repo.root, 'content/general/top-mass/files/fit.C'),
      macro.replace('the', 'one'),
    );
    const bitrot = await runCli(['fsck', '--format', 'json'], { cwd: repo.root });
    expect(bitrot.code).toBe(1);
    expect(JSON.parse(bitrot.stdout)).toMatchObject({
      errors: 1,
      files: 1,
      git: 'ok',
      diagnostics: [
        { code: 'CAPSULE_FILE_CHECKSUM_MISMATCH', file: 'content/general/top-mass/record.yaml' },
      ],
    });
  });

  it('reports a damaged git object store', async () => {
    repo = await makeGitArchive({ 'content/general/top-mass/record.yaml': recordYaml() });
    const head = repo.commit('Start', ADA, '2024-01-01T00:00:00Z');
    const tree = repo.git(['rev-parse', `${head}^{tree}`]);
    await rm(path.join(repo.root, '.git/objects', tree.slice(0, 2), tree.slice(2)), {
      force: true,
    });
    const result = await runCli(['fsck'], { cwd: repo.root });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('git fsck: FAILED');
    expect(result.stdout).toMatch(
      /\.git:1:1 error CAPSULE_GIT_FSCK git fsck: .*(missing|broken|error)/,
    );

    const skipped = await runCli(['fsck', '--no-git'], { cwd: repo.root });
    expect(skipped.code).toBe(0);
  });
});

describe('capsule codeowners', () => {
  it('writes CODEOWNERS from the reviewers and fails --check once they drift', async () => {
    const archive = await makeArchive({
      'content/cms/collection.yaml': COLLECTION_YAML.replace(
        'General analyses',
        'CMS analyses',
      ).replace("'@example/conveners'", "'@example/cms-conveners'\n  - '@jdoe'"),
      'content/lhcb/collection.yaml': COLLECTION_YAML.replace(
        'General analyses',
        'LHCb analyses',
      ).replace("'@example/conveners'", "'@cern/lhcb/conveners'"),
    });
    try {
      const missing = await runCli(['codeowners', '--check'], { cwd: archive.root });
      expect(missing.code).toBe(1);
      expect(missing.stdout).toContain('.github/CODEOWNERS and .gitlab/CODEOWNERS do not match');

      const written = await runCli(['codeowners'], { cwd: archive.root });
      expect(written.code).toBe(0);
      expect(written.stderr).toContain(
        '@cern/lhcb/conveners (lhcb) is a nested group, which GitHub cannot use',
      );
      const github = await readFile(path.join(archive.root, '.github/CODEOWNERS'), 'utf8');
      expect(github.split('\n').slice(3)).toEqual([
        '/content/cms/ @example/cms-conveners @jdoe',
        '/content/general/ @example/conveners',
        '# /content/lhcb/: no reviewer GitHub can use (@cern/lhcb/conveners)',
        '',
      ]);
      const gitlab = await readFile(path.join(archive.root, '.gitlab/CODEOWNERS'), 'utf8');
      expect(gitlab).toContain('[LHCb analyses]\n/content/lhcb/ @cern/lhcb/conveners\n');
      expect((await runCli(['codeowners', '--check'], { cwd: archive.root })).code).toBe(0);

      await writeFile(
        path.join(archive.root, 'content/cms/collection.yaml'),
        COLLECTION_YAML.replace('General analyses', 'CMS analyses'),
      );
      const stale = await runCli(['codeowners', '--check'], { cwd: archive.root });
      expect(stale.code).toBe(1);
      expect(stale.stdout).toContain('hint: Run `npx capsule codeowners` and commit the result.');
    } finally {
      await archive.cleanup();
    }
  });
});
