import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADA, makeGitArchive } from '../helpers/git-repo.ts';
import type { GitArchive } from '../helpers/git-repo.ts';
import { runCli } from '../helpers/run-cli.ts';
import { makeArchive, recordYaml } from '../helpers/temp-archive.ts';

let repo: GitArchive | undefined;
afterEach(async () => {
  await repo?.cleanup();
  repo = undefined;
});

async function twoRecords(): Promise<GitArchive> {
  repo = await makeGitArchive({
    'content/general/top-mass/record.yaml': recordYaml(),
    'content/general/w-mass/record.yaml': recordYaml({
      title: 'Measurement of the W boson mass',
      related_records: '\n  - general/top-mass',
    }),
  });
  repo.commit('Start', ADA, '2024-01-01T00:00:00Z');
  repo.git(['switch', '--quiet', '-c', 'topic']);
  return repo;
}

async function validateJson(root: string, since = 'main') {
  const result = await runCli(['validate', '--changed-since', since, '--format', 'json'], {
    cwd: root,
  });
  return { ...result, report: JSON.parse(result.stdout || '{}') };
}

describe('capsule validate --changed-since', () => {
  it('checks a record whose preserved file changed, even before it is committed', async () => {
    const archive = await twoRecords();
    await archive.write('content/general/w-mass/files/fit.C', 'void fit() {}\n');
    const { report, code } = await validateJson(archive.root);
    expect(report.checked).toEqual(['general/w-mass']);
    expect(report.scope.files).toEqual(['content/general/w-mass/files/fit.C']);
    // The new file is not listed in the record: the change's own problem, reported as such.
    expect(report.diagnostics.map((d: { code: string }) => d.code)).toEqual([
      'CAPSULE_FILE_UNLISTED',
    ]);
    expect(code).toBe(1);
  });

  it('reports a cross-record problem in a record the change did not touch', async () => {
    const archive = await twoRecords();
    await archive.remove('content/general/top-mass');
    archive.commit('Withdraw the top mass record', ADA, '2024-01-02T00:00:00Z');
    const { report, code } = await validateJson(archive.root);
    expect(report.checked).toEqual([]);
    expect(report.diagnostics).toMatchObject([
      { code: 'CAPSULE_RELATED_RECORD_MISSING', file: 'content/general/w-mass/record.yaml' },
    ]);
    expect(code).toBe(1);
  });

  it('checks a whole collection when its collection.yaml changed, and everything for a schema', async () => {
    const archive = await twoRecords();
    await archive.write(
      'content/general/collection.yaml',
      (await import('../helpers/temp-archive.ts')).COLLECTION_YAML.replace(
        'General analyses',
        'General physics analyses',
      ),
    );
    const collection = await validateJson(archive.root);
    expect(collection.report.checked).toEqual(['general/top-mass', 'general/w-mass']);
    expect(collection.report.scope.everything).toBeUndefined();

    await archive.write('schemas/analysis/9.9.9.json', '{}');
    const schema = await runCli(['validate', '--changed-since', 'main'], { cwd: archive.root });
    expect(schema.stderr).toContain(
      'schemas/analysis/9.9.9.json changed, and schemas apply to every record: checking all 2 records.',
    );
  });

  it('counts changes from where the branch left, not what landed on the target since', async () => {
    const archive = await twoRecords();
    await archive.write('content/general/top-mass/README.md', '# Top mass\n');
    archive.commit('Document the top mass record', ADA, '2024-01-02T00:00:00Z');
    archive.git(['switch', '--quiet', 'main']);
    await archive.write('content/general/w-mass/README.md', '# W mass\n');
    archive.commit('Document the W mass record on main', ADA, '2024-01-03T00:00:00Z');
    archive.git(['switch', '--quiet', 'topic']);
    const { report } = await validateJson(archive.root);
    expect(report.checked).toEqual(['general/top-mass']);
  });

  it('says when the revision does not exist or there is no repository', async () => {
    const archive = await twoRecords();
    const missing = await runCli(['validate', '--changed-since', 'origin/main'], {
      cwd: archive.root,
    });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('`origin/main` names no commit in this repository');

    const plain = await makeArchive();
    try {
      const result = await runCli(['validate', '--changed-since', 'main'], { cwd: plain.root });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('--changed-since needs a git repository');
    } finally {
      await plain.cleanup();
    }
  });

  it('says a shallow clone must be deepened when the merge base is missing', async () => {
    const archive = await twoRecords();
    await archive.write('content/general/top-mass/README.md', '# Top mass\n');
    archive.commit('Document', ADA, '2024-01-02T00:00:00Z');
    const parent = await mkdtemp(path.join(tmpdir(), 'capsule-shallow-'));
    try {
      const clone = path.join(parent, 'clone');
      archive.git([
        'clone',
        '--quiet',
        '--depth',
        '1',
        '--no-single-branch',
        `file://${archive.root}`,
        clone,
      ]);
      const result = await runCli(['validate', '--changed-since', 'origin/main'], { cwd: clone });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('This is a shallow clone');
      expect(result.stderr).toContain('fetch-depth: 0');
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });

  it('refuses paths together with --changed-since', async () => {
    const archive = await twoRecords();
    const result = await runCli(['validate', 'content/general', '--changed-since', 'main'], {
      cwd: archive.root,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Give PATHs or --changed-since, not both.');
  });
});
