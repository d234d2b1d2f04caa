import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JOURNAL_FILE, JournalError, MintJournal } from '../../../scripts/lib/zenodo/journal.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'capsule-journal-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const now = () => new Date('2026-11-22T10:00:00Z');
const SANDBOX = 'https://sandbox.zenodo.org/api';
const entry = {
  record_version: '1',
  deposition_id: 100002,
  concept_recid: '100001',
  phase: 'draft' as const,
};

describe('MintJournal', () => {
  it('persists an entry as soon as it is set, for a new process to read', async () => {
    const journal = await MintJournal.open(root, now);
    await journal.set(SANDBOX, 'cms/alpha', entry);
    const reopened = await MintJournal.open(root, now);
    expect(reopened.get(SANDBOX, 'cms/alpha')).toEqual({
      ...entry,
      updated: '2026-11-22T10:00:00.000Z',
    });
    expect(JSON.parse(await readFile(path.join(root, JOURNAL_FILE), 'utf8'))).toMatchObject({
      format: 'capsule-mint-journal/1',
    });
  });

  it('keeps entries per Zenodo endpoint, so sandbox and production never mix', async () => {
    const journal = await MintJournal.open(root, now);
    await journal.set(SANDBOX, 'cms/alpha', entry);
    expect(journal.get('https://zenodo.org/api', 'cms/alpha')).toBeUndefined();
  });

  it('deletes the file once the last entry is removed', async () => {
    const journal = await MintJournal.open(root, now);
    await journal.set(SANDBOX, 'cms/alpha', entry);
    await journal.set(SANDBOX, 'cms/beta', { ...entry, deposition_id: 100004 });
    await journal.remove(SANDBOX, 'cms/alpha');
    expect(existsSync(path.join(root, JOURNAL_FILE))).toBe(true);
    await journal.remove(SANDBOX, 'cms/beta');
    expect(existsSync(path.join(root, JOURNAL_FILE))).toBe(false);
  });

  it('serialises concurrent writes so the last state wins whole', async () => {
    const journal = await MintJournal.open(root, now);
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        journal.set(SANDBOX, `cms/r${index}`, { ...entry, deposition_id: index + 1 }),
      ),
    );
    const reopened = await MintJournal.open(root, now);
    expect(reopened.entries()).toHaveLength(20);
  });

  it('refuses a journal it cannot read instead of forgetting depositions in flight', async () => {
    await mkdir(path.join(root, '.capsule'), { recursive: true });
    await writeFile(path.join(root, JOURNAL_FILE), '{"endpoints": ');
    await expect(MintJournal.open(root, now)).rejects.toThrow(JournalError);
    await expect(MintJournal.open(root, now)).rejects.toThrow(/before deleting it/);
  });
});
