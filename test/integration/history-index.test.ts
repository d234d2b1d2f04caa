import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ObjectReader } from '../../scripts/lib/git/objects.ts';
import { openRepository } from '../../scripts/lib/git/repository.ts';
import { buildHistoryIndex } from '../../scripts/lib/history/build-index.ts';
import { applyChanges } from '../../scripts/lib/history/patch.ts';
import { recordAt, revisionsFor } from '../../scripts/lib/history/query.ts';
import type { HistoryIndex } from '../../scripts/lib/history/types.ts';
import { ADA, EMMY, GRACE, makeGitArchive } from '../helpers/git-repo.ts';
import type { GitArchive } from '../helpers/git-repo.ts';
import { runCli } from '../helpers/run-cli.ts';
import { recordYaml } from '../helpers/temp-archive.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function repository(files: { [file: string]: string } = {}): Promise<GitArchive> {
  const repo = await makeGitArchive(files);
  cleanups.push(() => repo.cleanup());
  return repo;
}

async function index(root: string): Promise<HistoryIndex> {
  const opened = openRepository(root);
  if (!opened) throw new Error('no repository');
  return buildHistoryIndex(opened);
}

const TOP = 'content/general/top-mass/record.yaml';
const W = 'content/general/w-mass/record.yaml';

describe('the history index', () => {
  it('credits changes made on branches to their commits, not to the merge', async () => {
    const repo = await repository({ [TOP]: recordYaml(), [W]: recordYaml({ title: 'W mass' }) });
    const start = repo.commit('Start', ADA, '2024-01-01T00:00:00Z');
    repo.git(['switch', '--quiet', '-c', 'side']);
    await repo.write(TOP, recordYaml({ version: "'2'" }));
    const side = repo.commit('Version 2 of the top mass', GRACE, '2024-01-02T00:00:00Z');
    repo.git(['switch', '--quiet', 'main']);
    await repo.write(W, recordYaml({ title: 'Measurement of the W mass' }));
    const main = repo.commit('Better W title', EMMY, '2024-01-03T00:00:00Z');
    repo.git(['merge', '--quiet', '--no-ff', 'side', '-m', 'Merge side'], {
      date: '2024-01-04T00:00:00Z',
    });

    const history = await index(repo.root);
    expect(history.records['general/top-mass']?.revisions.map((r) => r.commit)).toEqual([
      start,
      side,
    ]);
    expect(history.records['general/w-mass']?.revisions.map((r) => r.commit)).toEqual([
      start,
      main,
    ]);
    expect(history.records['general/top-mass']?.revisions[1]?.changes).toEqual([
      { op: 'replace', path: '/version', value: '2', oldValue: '1' },
    ]);
  });

  it('makes a revision of a merge that resolved a conflict, based on each branch', async () => {
    const repo = await repository({ [TOP]: recordYaml() });
    repo.commit('Start', ADA, '2024-01-01T00:00:00Z');
    repo.git(['switch', '--quiet', '-c', 'side']);
    await repo.write(TOP, recordYaml({ version: "'2'" }));
    repo.commit('Side: version 2', GRACE, '2024-01-02T00:00:00Z');
    repo.git(['switch', '--quiet', 'main']);
    await repo.write(TOP, recordYaml({ version: "'3'" }));
    repo.commit('Main: version 3', EMMY, '2024-01-03T00:00:00Z');
    repo.git(['merge', '--quiet', 'side'], { allowFailure: true });
    await repo.write(TOP, recordYaml({ version: "'4'" }));
    const merge = repo.commit('Merge side: version 4', ADA, '2024-01-04T00:00:00Z');

    const history = await index(repo.root);
    const revisions = history.records['general/top-mass']?.revisions ?? [];
    expect(revisions.map((r) => [history.commits[r.commit]?.message.trim(), r.base])).toEqual([
      ['Start', undefined],
      ['Main: version 3', undefined],
      ['Side: version 2', 0],
      ['Merge side: version 4', 1],
    ]);
    expect(revisions[3]?.commit).toBe(merge);
    expect(revisions[3]?.changes).toEqual([
      { op: 'replace', path: '/version', value: '4', oldValue: '3' },
    ]);
  });

  it('ends a deleted record, and starts a new history when the id is used again', async () => {
    const repo = await repository({ [TOP]: recordYaml() });
    repo.commit('Start', ADA, '2024-01-01T00:00:00Z');
    await repo.remove('content/general/top-mass');
    const removal = repo.commit('Withdraw', GRACE, '2024-01-02T00:00:00Z');
    await repo.write(TOP, recordYaml({ title: 'A different analysis entirely, by the same name' }));
    repo.commit('Reuse the name', EMMY, '2024-01-03T00:00:00Z');

    const history = await index(repo.root);
    expect(history.removed).toHaveLength(1);
    expect(history.removed[0]?.revisions.map((r) => [r.kind, r.commit === removal])).toEqual([
      ['created', false],
      ['deleted', true],
    ]);
    expect(history.records['general/top-mass']?.revisions.map((r) => r.kind)).toEqual(['created']);
  });

  it('follows a moved folder whose record was also edited in the same commit', async () => {
    const repo = await repository({ [TOP]: recordYaml() });
    repo.commit('Start', ADA, '2024-01-01T00:00:00Z');
    await repo.remove('content/general/top-mass');
    await repo.write('content/general/2012/top-mass/record.yaml', recordYaml({ version: "'2'" }));
    repo.commit('Shard and bump', GRACE, '2024-01-02T00:00:00Z');

    const history = await index(repo.root);
    const revisions = history.records['general/2012/top-mass']?.revisions ?? [];
    expect(revisions.map((r) => [r.kind, r.previousId])).toEqual([
      ['created', undefined],
      ['moved', 'general/top-mass'],
    ]);
    expect(revisions[1]?.changes).toEqual([
      { op: 'replace', path: '/version', value: '2', oldValue: '1' },
    ]);
    expect(history.removed).toEqual([]);
  });

  it('reads record.md front matter, and diffs across a version that did not parse', async () => {
    const md = (version: string) => `---\n${recordYaml({ version })}---\n\n# Documentation\n`;
    const file = 'content/general/top-mass/record.md';
    const repo = await repository({ [file]: md("'1'") });
    repo.commit('Start', ADA, '2024-01-01T00:00:00Z');
    await repo.write(file, `---\ntitle: [unclosed\n---\n`);
    repo.commit('Oops', GRACE, '2024-01-02T00:00:00Z');
    await repo.write(file, md("'2'"));
    repo.commit('Fix', GRACE, '2024-01-03T00:00:00Z');
    await repo.write(file, md("'2'").replace('# Documentation', '# Documentation, longer'));
    repo.commit('Document', EMMY, '2024-01-04T00:00:00Z');

    const history = await index(repo.root);
    const revisions = history.records['general/top-mass']?.revisions ?? [];
    expect(revisions.map((r) => [r.kind, Boolean(r.unreadable), r.changes])).toEqual([
      ['created', false, []],
      ['modified', true, []],
      ['modified', false, [{ op: 'replace', path: '/version', value: '2', oldValue: '1' }]],
      ['modified', false, []],
    ]);
    expect(revisions[1]?.unreadable).toMatch(/line 2/);
    expect(revisions[3]?.files).toEqual([{ path: 'record.md', change: 'modified' }]);
  });

  it('gives the same index from loose objects and from packs with either kind of delta', async () => {
    const repo = await repository({ [TOP]: recordYaml() });
    repo.commit('Start', ADA, '2024-01-01T00:00:00Z');
    for (let version = 2; version <= 6; version++) {
      await repo.write(TOP, recordYaml({ version: `'${version}'` }));
      repo.commit(`Version ${version}`, GRACE, `2024-01-0${version}T00:00:00Z`);
    }
    const loose = await index(repo.root);
    repo.git(['gc', '--quiet', '--aggressive']);
    expect(
      spawnSync('find', ['.git/objects', '-type', 'f', '-path', '*/objects/??/*'], {
        cwd: repo.root,
        encoding: 'utf8',
      }).stdout,
    ).toBe('');
    expect(await index(repo.root)).toEqual(loose);
    // Deltas that name their base by id (as some servers send them) instead of by offset.
    repo.git(['-c', 'repack.useDeltaBaseOffset=false', 'repack', '-a', '-d', '-f', '--quiet']);
    expect(await index(repo.root)).toEqual(loose);
    expect(loose.records['general/top-mass']?.revisions).toHaveLength(6);
  });

  it('rebuilds every revision exactly from the changes, and reads it back from git', async () => {
    const repo = await repository({ [TOP]: recordYaml() });
    repo.commit('Start', ADA, '2024-01-01T00:00:00Z');
    const versions = [
      recordYaml({ keywords: '\n  - top\n  - mass' }),
      recordYaml({ keywords: '\n  - mass\n  - top quark\n  - pole mass', version: "'2'" }),
      recordYaml({
        keywords: '\n  - pole mass',
        people:
          '\n  - given_name: Grace\n    family_name: Hopper\n  - given_name: Ada\n    family_name: Lovelace',
      }),
    ];
    for (const [at, text] of versions.entries()) {
      await repo.write(TOP, text);
      repo.commit(`Edit ${at}`, GRACE, `2024-02-0${at + 1}T00:00:00Z`);
    }
    const opened = openRepository(repo.root);
    if (!opened) throw new Error('no repository');
    const history = await buildHistoryIndex(opened);
    const revisions = history.records['general/top-mass']?.revisions ?? [];
    const objects = new ObjectReader(opened);
    try {
      const first = await recordAt(objects, revisions[0]!);
      let data: unknown = first?.readable ? first.data : undefined;
      for (const revision of revisions.slice(1)) {
        data = applyChanges(data, revision.changes);
        const stored = await recordAt(objects, revision);
        expect(stored?.readable && stored.data).toEqual(data);
      }
    } finally {
      objects.close();
    }
  });

  it('shows an audience only the revisions in which the record was visible to it', async () => {
    const repo = await repository({
      [TOP]: recordYaml({
        access: '\n  level: collaboration',
        abstract: 'Internal numbers, 172.3',
      }),
    });
    repo.commit('Start, internal', ADA, '2024-01-01T00:00:00Z');
    await repo.write(TOP, recordYaml({ access: '\n  level: public', abstract: 'A measurement.' }));
    repo.commit('Make public', GRACE, '2024-01-02T00:00:00Z');
    await repo.write(
      TOP,
      recordYaml({ access: '\n  level: public', abstract: 'A precise measurement.' }),
    );
    repo.commit('Improve abstract', GRACE, '2024-01-03T00:00:00Z');

    const opened = openRepository(repo.root);
    if (!opened) throw new Error('no repository');
    const history = await buildHistoryIndex(opened);
    const objects = new ObjectReader(opened);
    try {
      const record = history.records['general/top-mass']!;
      const read = (revision: (typeof record.revisions)[number]) => recordAt(objects, revision);
      const publicView = await revisionsFor(record, 'public', '2026-01-01', read);
      expect(
        publicView.map((v) => [
          history.commits[v.revision.commit]?.message.trim(),
          v.changesWithheld,
        ]),
      ).toEqual([
        ['Make public', true],
        ['Improve abstract', false],
      ]);
      const internalView = await revisionsFor(record, 'internal', '2026-01-01', read);
      expect(internalView.map((v) => v.changesWithheld)).toEqual([false, false, false]);
    } finally {
      objects.close();
    }
  });

  it('works from a linked worktree', async () => {
    const repo = await repository({ [TOP]: recordYaml() });
    repo.commit('Start', ADA, '2024-01-01T00:00:00Z');
    const elsewhere = await mkdtemp(path.join(tmpdir(), 'capsule-worktree-'));
    cleanups.push(() => rm(elsewhere, { recursive: true, force: true }));
    const worktree = path.join(elsewhere, 'tree');
    repo.git(['worktree', 'add', '--quiet', '-b', 'topic', worktree]);
    const result = await runCli(['history', 'general/top-mass', '--format', 'json'], {
      cwd: worktree,
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).revisions).toHaveLength(1);
  });
});

describe('capsule history on a shallow clone', () => {
  it('fails with the fix, or shows what there is with --allow-shallow', async () => {
    const repo = await repository({ [TOP]: recordYaml() });
    repo.commit('Start', ADA, '2024-01-01T00:00:00Z');
    await repo.write(TOP, recordYaml({ version: "'2'" }));
    repo.commit('Version 2', GRACE, '2024-01-02T00:00:00Z');
    await repo.write(TOP, recordYaml({ version: "'3'" }));
    repo.commit('Version 3', GRACE, '2024-01-03T00:00:00Z');
    const parent = await mkdtemp(path.join(tmpdir(), 'capsule-shallow-'));
    cleanups.push(() => rm(parent, { recursive: true, force: true }));
    const clone = path.join(parent, 'clone');
    const cloned = spawnSync(
      'git',
      ['clone', '--quiet', '--depth', '2', `file://${repo.root}`, clone],
      {
        encoding: 'utf8',
      },
    );
    expect(cloned.status).toBe(0);

    const refused = await runCli(['history', 'general/top-mass'], { cwd: clone });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('error: this is a shallow clone');
    expect(refused.stderr).toContain('fetch-depth: 0');

    const allowed = await runCli(['history', 'general/top-mass', '--allow-shallow'], {
      cwd: clone,
    });
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain('present when the shallow history starts');
    expect(allowed.stdout).toContain('~ /version: "2" → "3"');
    expect(allowed.stdout).not.toContain('Start');

    const history = await index(clone);
    expect(history.complete).toBe(false);
    expect(history.records['general/top-mass']?.revisions[0]).toMatchObject({
      kind: 'created',
      truncated: true,
    });
  });
});
