import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSite } from '../../scripts/lib/site/load-site.ts';
import type { SiteArchive, SiteHistory } from '../../scripts/lib/site/types.ts';
import { ADA, EMMY, GRACE, makeGitArchive } from '../helpers/git-repo.ts';
import type { GitArchive } from '../helpers/git-repo.ts';
import { makeArchive, recordYaml } from '../helpers/temp-archive.ts';

/**
 * Record history as the site loader gives it to each audience, from real temporary git
 * repositories with pinned authors and dates: what each audience may see of a record's past,
 * and what a build outside git, from a shallow clone or before the first commit says instead.
 */
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const DAY = '2026-11-22';
const RECORD = 'content/general/top-mass/record.yaml';
const OTHER = 'content/general/w-mass/record.yaml';
const SECRET = 'content/general/secret/record.yaml';
const ada = '\n  - given_name: Ada\n    family_name: Lovelace\n    email: ada@example.org';
const adaAndGrace = `${ada}\n  - given_name: Grace\n    family_name: Hopper\n    email: grace@example.org`;

async function repository(files: { [file: string]: string } = {}): Promise<GitArchive> {
  const repo = await makeGitArchive(files);
  cleanups.push(() => repo.cleanup());
  return repo;
}

function historyOf(site: SiteArchive, id: string): SiteHistory {
  const record = site.records.find((candidate) => candidate.id === id);
  if (!record) throw new Error(`${id} is not on the ${site.audience} site`);
  return record.history;
}

/**
 * A record written for the collaboration first (a title, an abstract and a file that must stay
 * unseen), made public under another title, then edited in public; a restricted record changed
 * in the same commit as the public edit.
 */
async function becamePublic(): Promise<GitArchive> {
  const repo = await repository({
    [RECORD]: recordYaml({
      title: 'Early internal title',
      abstract: 'An early internal abstract.',
      access: '\n  level: collaboration',
      people: ada,
    }),
    [OTHER]: recordYaml({ title: 'Measurement of the W mass' }),
  });
  repo.commit('Start the top mass (internal)', ADA, '2024-01-01T10:00:00+01:00');
  await repo.write(RECORD, recordYaml({ title: 'Measurement of the top quark mass', people: ada }));
  repo.commit('Publish the top mass', GRACE, '2024-02-01T10:00:00+01:00');
  await repo.write(
    RECORD,
    recordYaml({ title: 'Measurement of the top quark mass', people: adaAndGrace }),
  );
  await repo.write(SECRET, recordYaml({ title: 'Secret', access: '\n  level: restricted' }));
  repo.commit('Add Grace; start the secret analysis', EMMY, '2024-03-01T10:00:00+01:00');
  await repo.write(
    RECORD,
    recordYaml({ title: 'Measurement of the top quark mass', people: adaAndGrace, version: "'2'" }),
  );
  repo.commit('Version 2\n\nAfter the review by the conveners.', ADA, '2024-04-01T10:00:00+02:00');
  return repo;
}

describe('record history on the public site', () => {
  it('starts where the record became public and withholds everything of before', async () => {
    const repo = await becamePublic();
    const site = await loadSite(repo.root, { audience: 'public', day: DAY });
    expect(site.history).toEqual({ status: 'complete' });
    const history = historyOf(site, 'general/top-mass');
    expect(history.status).toBe('complete');
    expect(history.uncommitted).toBe(false);
    expect(history.revisions.map((r) => [r.number, r.kind, r.changesWithheld, r.current])).toEqual([
      [1, 'modified', true, false],
      [2, 'modified', false, false],
      [3, 'modified', false, true],
    ]);
    const [published] = history.revisions;
    expect(published?.changes).toEqual([]);
    expect(published?.files).toEqual([]);
    expect(published?.data.title).toBe('Measurement of the top quark mass');
    expect(JSON.stringify(history)).not.toMatch(/Early internal|early internal/);
    expect(published?.author).toEqual({ name: 'Grace Hopper' });
    expect(published?.date).toBe('2024-02-01T10:00:00+01:00');
  });

  it('never shows an email address, in a version or in a change', async () => {
    const repo = await becamePublic();
    const site = await loadSite(repo.root, { audience: 'public', day: DAY });
    const history = historyOf(site, 'general/top-mass');
    expect(JSON.stringify(history)).not.toContain('@example.org');
    expect(history.revisions[1]?.changes).toEqual([
      { op: 'add', path: '/people/1', value: { given_name: 'Grace', family_name: 'Hopper' } },
    ]);
  });

  it('withholds the message of a commit that also changed a record the public cannot see', async () => {
    const repo = await becamePublic();
    const site = await loadSite(repo.root, { audience: 'public', day: DAY });
    const messages = historyOf(site, 'general/top-mass').revisions.map((r) => r.message);
    expect(messages).toEqual([
      'Publish the top mass\n',
      undefined,
      'Version 2\n\nAfter the review by the conveners.\n',
    ]);
    // The first commit also created the W mass, which was public all along.
    expect(historyOf(site, 'general/w-mass').revisions[0]?.message).toBeUndefined();
  });
});

describe('record history on the internal site', () => {
  it('holds the collaboration versions, with authors’ email addresses', async () => {
    const repo = await becamePublic();
    const site = await loadSite(repo.root, { audience: 'internal', day: DAY });
    const history = historyOf(site, 'general/top-mass');
    expect(history.revisions.map((r) => [r.kind, r.changesWithheld])).toEqual([
      ['created', false],
      ['modified', false],
      ['modified', false],
      ['modified', false],
    ]);
    expect(history.revisions[0]?.data.title).toBe('Early internal title');
    expect(history.revisions[0]?.author).toEqual({
      name: 'Ada Lovelace',
      email: 'ada@example.org',
    });
    expect(history.revisions[1]?.changes).toContainEqual({
      op: 'replace',
      path: '/title',
      value: 'Measurement of the top quark mass',
      oldValue: 'Early internal title',
    });
    // The restricted record is on no site: the commit that touched it keeps its message inside.
    expect(history.revisions[2]?.message).toBeUndefined();
    expect(history.revisions[0]?.message).toBe('Start the top mass (internal)\n');
  });
});

describe('record history outside a complete repository', () => {
  it('says a build outside git has no history, and why', async () => {
    const archive = await makeArchive({ [RECORD]: recordYaml() });
    cleanups.push(() => archive.cleanup());
    const site = await loadSite(archive.root, { audience: 'public', day: DAY });
    expect(site.history.status).toBe('unavailable');
    expect(site.history.message).toContain('not a git repository');
    const history = historyOf(site, 'general/top-mass');
    expect(history).toMatchObject({ status: 'unavailable', revisions: [] });
    expect(history.notice?.hint).toContain('clone');
  });

  it('says a repository without commits has no history yet', async () => {
    const repo = await repository({ [RECORD]: recordYaml() });
    const site = await loadSite(repo.root, { audience: 'public', day: DAY });
    expect(site.history.status).toBe('unavailable');
    expect(historyOf(site, 'general/top-mass').notice?.message).toContain('no commits');
  });

  it('marks a shallow clone’s history incomplete, with the fix', async () => {
    const repo = await becamePublic();
    const parent = await mkdtemp(path.join(tmpdir(), 'capsule-shallow-site-'));
    cleanups.push(() => rm(parent, { recursive: true, force: true }));
    const clone = path.join(parent, 'clone');
    const cloned = spawnSync(
      'git',
      ['clone', '--quiet', '--depth', '2', `file://${repo.root}`, clone],
      {
        encoding: 'utf8',
      },
    );
    expect(cloned.status, cloned.stderr).toBe(0);

    const site = await loadSite(clone, { audience: 'public', day: DAY });
    expect(site.history.status).toBe('shallow');
    expect(site.history.hint).toContain('fetch-depth: 0');
    const history = historyOf(site, 'general/top-mass');
    expect(history.status).toBe('shallow');
    expect(history.notice?.message).toContain('shallow clone');
    expect(history.revisions.map((r) => [r.truncated, r.message])).toEqual([
      // The boundary commit also changed the restricted record: its message stays unseen.
      [true, undefined],
      [false, 'Version 2\n\nAfter the review by the conveners.\n'],
    ]);
  });

  it('tells a record not committed yet, and a record with changes not committed', async () => {
    const repo = await becamePublic();
    await repo.write('content/general/new/record.yaml', recordYaml({ title: 'Not committed' }));
    await repo.write(OTHER, recordYaml({ title: 'Measurement of the W boson mass' }));
    const site = await loadSite(repo.root, { audience: 'public', day: DAY });
    expect(historyOf(site, 'general/new')).toMatchObject({ status: 'uncommitted', revisions: [] });
    const other = historyOf(site, 'general/w-mass');
    expect(other.uncommitted).toBe(true);
    expect(other.revisions.map((r) => r.current)).toEqual([false]);
    expect(historyOf(site, 'general/top-mass').uncommitted).toBe(false);
  });
});
