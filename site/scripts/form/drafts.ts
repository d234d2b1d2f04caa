import type { RecordData } from '../../../scripts/lib/form/record-edit.ts';

/**
 * Drafts kept in the browser's storage, one per thing being written: a new record per collection
 * (`new:cms`) and each record being changed (`edit:cms/higgs-tautau-2016`). Switching between them
 * loses nothing; only "Clear" deletes one, after asking. Stored under the site's base path, so
 * two archives on one host keep theirs apart.
 */
export interface Draft {
  key: string;
  mode: 'new' | 'edit';
  collection: string;
  /** `name/x.y.z` */
  schema: string;
  /** The record's folder name under its collection (new records). */
  slug: string;
  file: 'record.yaml' | 'record.md';
  /** The record being changed: its id and its file in the repository. */
  id?: string;
  source?: string;
  data: RecordData;
  /** Documentation after the front matter of a record.md. */
  body: string;
  /** What the site withheld from the record being changed (JSON pointers). */
  withheld?: string[];
  /** The record's text when it was loaded, to tell whether anything changed. */
  original?: string;
  savedAt?: string;
}

interface Stored {
  version: 1;
  current?: string;
  drafts: { [key: string]: Draft };
}

export class DraftStore {
  readonly #key: string;
  #stored: Stored;
  readonly #available: boolean;

  constructor(base: string) {
    this.#key = `capsule-form:${base}`;
    this.#available = storageAvailable();
    this.#stored = this.#read();
  }

  /** Whether drafts survive a reload (storage can be off, full, or private). */
  get available(): boolean {
    return this.#available;
  }

  get current(): string | undefined {
    return this.#stored.current;
  }

  get(key: string): Draft | undefined {
    const draft = this.#stored.drafts[key];
    return draft ? (structuredClone(draft) as Draft) : undefined;
  }

  save(draft: Draft): string | undefined {
    const savedAt = new Date().toISOString();
    this.#stored.drafts[draft.key] = { ...structuredClone(draft), savedAt };
    this.#stored.current = draft.key;
    return this.#write() ? savedAt : undefined;
  }

  remove(key: string): void {
    delete this.#stored.drafts[key];
    if (this.#stored.current === key) delete this.#stored.current;
    this.#write();
  }

  #read(): Stored {
    if (!this.#available) return { version: 1, drafts: {} };
    try {
      const parsed = JSON.parse(localStorage.getItem(this.#key) ?? 'null') as Stored | null;
      if (parsed?.version === 1 && parsed.drafts && typeof parsed.drafts === 'object')
        return parsed;
    } catch {
      // A damaged entry is replaced by the next save.
    }
    return { version: 1, drafts: {} };
  }

  #write(): boolean {
    if (!this.#available) return false;
    try {
      localStorage.setItem(this.#key, JSON.stringify(this.#stored));
      return true;
    } catch {
      return false;
    }
  }
}

function storageAvailable(): boolean {
  try {
    const probe = 'capsule-form:probe';
    localStorage.setItem(probe, '1');
    localStorage.removeItem(probe);
    return true;
  } catch {
    return false;
  }
}
