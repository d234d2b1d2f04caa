import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADA, EMMY, GRACE, makeGitArchive } from '../helpers/git-repo.ts';
import type { GitArchive } from '../helpers/git-repo.ts';
import { runCli } from '../helpers/run-cli.ts';
import { recordYaml } from '../helpers/temp-archive.ts';

/**
 * The review loop end to end on a real git repository: a contributor branches, adds a record
 * and validates the change; it is merged; two people edit it; `capsule history` shows who
 * changed which fields; moving the record's folder keeps its history.
 */
let repo: GitArchive;
const RECORD = 'content/general/top-mass/record.yaml';

interface HistoryJson {
  id: string;
  revisions: Array<{
    number: number;
    kind: string;
    id: string;
    previousId?: string;
    author: { name: string; email: string; date: string };
    summary: string;
    changes: Array<{ op: string; path: string; value?: unknown; oldValue?: unknown }>;
  }>;
}

async function history(id: string): Promise<HistoryJson> {
  const result = await runCli(['history', id, '--format', 'json'], { cwd: repo.root });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as HistoryJson;
}

beforeAll(async () => {
  // main already holds a record with a problem: not the business of a branch that adds another.
  repo = await makeGitArchive({
    'content/general/old-draft/record.yaml': recordYaml({ title: '' }),
  });
  repo.commit('Start the archive', ADA, '2024-01-10T09:00:00+01:00');
});
afterAll(async () => {
  await repo.cleanup();
});

describe('the review loop on a git repository', () => {
  it('validates only the record a branch adds', async () => {
    repo.git(['switch', '--quiet', '-c', 'add-top-mass']);
    await repo.write(RECORD, recordYaml());
    const uncommitted = await runCli(['validate', '--changed-since', 'main'], { cwd: repo.root });
    expect(uncommitted.stderr).toContain('1 file changed since main');
    expect(uncommitted.stdout).toBe('✔ 1 record checked: all valid.\n');
    expect(uncommitted.code).toBe(0);

    repo.commit('Add the top quark mass measurement', GRACE, '2024-02-01T10:00:00+01:00');
    const committed = await runCli(['validate', '--changed-since', 'main', '--format', 'json'], {
      cwd: repo.root,
    });
    expect(committed.code).toBe(0);
    expect(JSON.parse(committed.stdout)).toMatchObject({
      records: 1,
      errors: 0,
      checked: ['general/top-mass'],
      scope: { changedSince: 'main', files: [RECORD] },
    });
  });

  it('reports a broken change with its line, and nothing once fixed', async () => {
    await repo.write(RECORD, recordYaml({ version: '2' }));
    const broken = await runCli(['validate', '--changed-since', 'main'], { cwd: repo.root });
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`${RECORD}:4:10 error CAPSULE_SCHEMA_TYPE`);
    await repo.write(RECORD, recordYaml());
    const fixed = await runCli(['validate', '--changed-since', 'main'], { cwd: repo.root });
    expect(fixed.code).toBe(0);
  });

  it('records three revisions with their authors and field changes after merge and two edits', async () => {
    repo.git(['switch', '--quiet', 'main']);
    repo.git(['merge', '--quiet', '--no-ff', 'add-top-mass', '-m', "Merge branch 'add-top-mass'"], {
      author: ADA,
      date: '2024-02-02T09:00:00+01:00',
    });
    await repo.write(
      RECORD,
      recordYaml({
        title: 'Measurement of the top quark mass in the lepton+jets channel',
        keywords: '\n  - top quark\n  - mass',
      }),
    );
    repo.commit('Say which channel', EMMY, '2024-03-05T14:30:00+01:00');
    await repo.write(
      RECORD,
      recordYaml({
        title: 'Measurement of the top quark mass in the lepton+jets channel',
        keywords: '\n  - top quark\n  - mass',
        version: "'2'",
        people:
          '\n  - given_name: Ada\n    family_name: Lovelace\n  - given_name: Grace\n    family_name: Hopper',
      }),
    );
    repo.commit('Add Grace as an author; version 2', GRACE, '2024-04-01T08:00:00+02:00');

    const { revisions } = await history('general/top-mass');
    expect(revisions.map((r) => [r.number, r.kind, r.author.name, r.summary])).toEqual([
      [3, 'modified', 'Grace Hopper', 'Add Grace as an author; version 2'],
      [2, 'modified', 'Emmy Noether', 'Say which channel'],
      [1, 'created', 'Grace Hopper', 'Add the top quark mass measurement'],
    ]);
    expect(revisions[2]?.author.date).toBe('2024-02-01T10:00:00+01:00');
    expect(revisions[0]?.author.date).toBe('2024-04-01T08:00:00+02:00');
    expect(revisions[1]?.changes).toEqual([
      {
        op: 'replace',
        path: '/title',
        value: 'Measurement of the top quark mass in the lepton+jets channel',
        oldValue: 'Measurement of the top quark mass',
      },
      { op: 'add', path: '/keywords', value: ['top quark', 'mass'] },
    ]);
    expect(revisions[0]?.changes).toEqual([
      { op: 'replace', path: '/version', value: '2', oldValue: '1' },
      {
        op: 'add',
        path: '/people/1',
        value: { given_name: 'Grace', family_name: 'Hopper' },
      },
    ]);
  });

  it('keeps the history when the record folder moves, and shows it as text', async () => {
    await mkdir(path.join(repo.root, 'content/general/2024'));
    repo.git(['mv', 'content/general/top-mass', 'content/general/2024/top-quark-mass']);
    repo.commit('Move the record into the 2024 shard', ADA, '2024-05-01T12:00:00+02:00');

    const moved = await history('general/2024/top-quark-mass');
    expect(moved.revisions.map((r) => [r.kind, r.id, r.previousId])).toEqual([
      ['moved', 'general/2024/top-quark-mass', 'general/top-mass'],
      ['modified', 'general/top-mass', undefined],
      ['modified', 'general/top-mass', undefined],
      ['created', 'general/top-mass', undefined],
    ]);
    expect(moved.revisions[0]?.changes).toEqual([]);

    const text = await runCli(['history', 'content/general/2024/top-quark-mass/record.yaml'], {
      cwd: repo.root,
    });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      'general/2024/top-quark-mass — 4 revisions by Grace Hopper, Emmy Noether, Ada Lovelace',
    );
    expect(text.stdout).toContain('moved from general/top-mass to general/2024/top-quark-mass');
    expect(text.stdout).toContain('~ /version: "1" → "2"');
    expect(text.stdout).toContain('+ /people/1: {"given_name":"Grace","family_name":"Hopper"}');
    expect(text.stdout).toMatch(/#1 {2}[0-9a-f]{10} {2}2024-02-01 10:00 {2}Grace Hopper/);
  });
});
