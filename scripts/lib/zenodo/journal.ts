import { mkdir, readFile, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { writeFileAtomic } from '../util/write-atomic.ts';

/**
 * The mint journal, `.capsule/mint-journal.json`: what a run has done on Zenodo that the records
 * do not show yet. An entry is written (atomically, flushed to disk) the moment a draft exists,
 * again before publishing and once a DOI is known, and removed when the DOI is in the record.
 * A rerun after a crash resumes from it instead of creating anything again; entries are kept per
 * Zenodo endpoint, so sandbox and production never mix. When every record is written back the
 * file is deleted, so it only exists (and is only committed by CI) while something is in flight.
 */
export const JOURNAL_FILE = '.capsule/mint-journal.json';

export type JournalPhase = 'draft' | 'publishing' | 'published';

export interface JournalEntry {
  /** The record `version` being minted. */
  record_version: string;
  deposition_id: number;
  concept_recid: string;
  phase: JournalPhase;
  doi?: string;
  concept_doi?: string;
  updated: string;
}

interface JournalFile {
  format: 'capsule-mint-journal/1';
  /** Endpoint (API base URL) → record id → entry. */
  endpoints: { [endpoint: string]: { [recordId: string]: JournalEntry } };
}

export class JournalError extends Error {
  override name = 'JournalError';
}

export class MintJournal {
  readonly file: string;
  readonly #data: JournalFile;
  readonly #now: () => Date;
  #queue: Promise<void> = Promise.resolve();

  private constructor(file: string, data: JournalFile, now: () => Date) {
    this.file = file;
    this.#data = data;
    this.#now = now;
  }

  static async open(root: string, now: () => Date = () => new Date()): Promise<MintJournal> {
    const file = path.join(root, JOURNAL_FILE);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return new MintJournal(file, { format: 'capsule-mint-journal/1', endpoints: {} }, now);
      throw error;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
    const endpoints = (data as JournalFile | undefined)?.endpoints;
    if (
      (data as JournalFile | undefined)?.format !== 'capsule-mint-journal/1' ||
      typeof endpoints !== 'object' ||
      endpoints === null
    )
      throw new JournalError(
        `${JOURNAL_FILE} is not a mint journal Capsule can read. It records Zenodo depositions in flight: look at it (and at your Zenodo uploads) before deleting it.`,
      );
    return new MintJournal(file, data as JournalFile, now);
  }

  get(endpoint: string, recordId: string): JournalEntry | undefined {
    return this.#data.endpoints[endpoint]?.[recordId];
  }

  /** Every entry, by endpoint. */
  entries(): Array<{ endpoint: string; recordId: string; entry: JournalEntry }> {
    return Object.entries(this.#data.endpoints).flatMap(([endpoint, records]) =>
      Object.entries(records).map(([recordId, entry]) => ({ endpoint, recordId, entry })),
    );
  }

  set(endpoint: string, recordId: string, entry: Omit<JournalEntry, 'updated'>): Promise<void> {
    (this.#data.endpoints[endpoint] ??= {})[recordId] = {
      ...entry,
      updated: this.#now().toISOString(),
    };
    return this.#save();
  }

  remove(endpoint: string, recordId: string): Promise<void> {
    const records = this.#data.endpoints[endpoint];
    if (!records?.[recordId]) return Promise.resolve();
    delete records[recordId];
    if (Object.keys(records).length === 0) delete this.#data.endpoints[endpoint];
    return this.#save();
  }

  /** Writes are serialised: each one writes the whole, current journal. */
  #save(): Promise<void> {
    const write = this.#queue.then(async () => {
      if (Object.keys(this.#data.endpoints).length === 0) {
        await rm(this.file, { force: true });
        return;
      }
      await mkdir(path.dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, `${JSON.stringify(this.#data, null, 2)}\n`, {
        durable: true,
      });
    });
    this.#queue = write.catch(() => undefined);
    return write;
  }
}
