import type { FileChange } from '../git/tree-diff.ts';
import type { FieldChange } from './field-diff.ts';

/**
 * Every record's revisions, from one pass over the repository's history. Plain JSON: it is
 * written to a file and read back by the site, which renders a history page per record
 * (revisions newest first, each with its field changes, author and message, and the record as
 * it was at that revision — `recordAt` in query.ts rebuilds it from the changes).
 */
export interface HistoryIndex {
  /** The format of this object; bumped when it changes incompatibly. */
  format: 1;
  /** The commit whose history this is, and the ref it was reached from. */
  head: { commit: string; ref: string };
  /** The archive's path inside the repository ('' or ending in '/'). */
  prefix: string;
  /**
   * False for a shallow clone: the history stops at `shallowBoundary` and the first revision of
   * a record there (marked `truncated`) may not be its creation.
   */
  complete: boolean;
  shallowBoundary: string[];
  /** The commits that made a revision, by oid (shared by all records they touched). */
  commits: { [oid: string]: CommitSummary };
  /** Records that exist at the head commit, by id (`<collection>/<slug>`). */
  records: { [id: string]: RecordHistory };
  /** Records that were deleted (and not brought back), with the id they had last. */
  removed: RecordHistory[];
}

export interface Signature {
  name: string;
  email: string;
  /** ISO 8601 with the author's own UTC offset, e.g. `2024-03-01T10:00:00+01:00`. */
  date: string;
}

export interface CommitSummary {
  oid: string;
  parents: string[];
  author: Signature;
  committer: Signature;
  /** The full commit message. */
  message: string;
}

export interface RecordHistory {
  /** The id at the head commit (or the last id, for a removed record). */
  id: string;
  /** Oldest first. */
  revisions: Revision[];
}

export type RevisionKind = 'created' | 'modified' | 'moved' | 'deleted';

/** One commit that changed a record: its folder, its metadata, or both. */
export interface Revision {
  /** Oid of the commit; `commits[commit]` has author, date and message. */
  commit: string;
  kind: RevisionKind;
  /** The record's id in this revision (before the commit, for `deleted`). */
  id: string;
  /** The id before this revision, when it moved the record's folder. */
  previousId?: string;
  /**
   * The revision (index into `revisions`) whose version these changes apply to, when it is not
   * the one just before: a record edited on two branches has two revisions with the same base.
   */
  base?: number;
  /** The metadata file (`content/…/record.yaml` or `record.md`) after this revision. */
  file: string;
  /** The metadata file's blob oid after this revision (absent for `deleted`). */
  blob?: string;
  /**
   * What changed in the parsed record, in order (RFC 6902), against the version before. Empty
   * for `created` and `deleted` (the whole record: read it with `recordAt`), for a commit that
   * changed only comments or layout, and when the metadata did not parse (see `unreadable`).
   */
  changes: FieldChange[];
  /** Files of the record folder that changed, paths relative to the folder. */
  files: FileChange[];
  /**
   * Why the metadata could not be read as a record in this revision, when that kept the field
   * changes from being computed (a creation is not parsed here: `recordAt` reads it).
   */
  unreadable?: string;
  /** The record already existed where a shallow clone's history stops. */
  truncated?: true;
}

export type { FileChange } from '../git/tree-diff.ts';
