import type { ObjectReader } from '../git/objects.ts';
import { isVisibleTo } from '../records/access.ts';
import type { AccessFields, Audience } from '../records/access.ts';
import { closest } from '../text/suggest.ts';
import { readRecordState } from './read-record.ts';
import type { RecordState } from './read-record.ts';
import type { CommitSummary, HistoryIndex, RecordHistory, Revision, Signature } from './types.ts';

/** Questions a history page or `capsule history` asks of the index. */

export interface FoundHistory {
  history: RecordHistory;
  /** The record no longer exists at the head commit. */
  removed: boolean;
}

/** A record's history by its id now, or by the last id of a removed record. */
export function findHistory(index: HistoryIndex, id: string): FoundHistory | undefined {
  const current = index.records[id];
  if (current) return { history: current, removed: false };
  const removed = [...index.removed].reverse().find((history) => history.id === id);
  return removed ? { history: removed, removed: true } : undefined;
}

/** The id most like `id`, for "did you mean". */
export function suggestId(index: HistoryIndex, id: string): string | undefined {
  return closest(id, [...Object.keys(index.records), ...index.removed.map((h) => h.id)]);
}

/** A revision with its commit's author, date and message, as pages and reports show it. */
export interface RevisionView extends Revision {
  /** 1 for the first revision. */
  number: number;
  author: Signature;
  committer: Signature;
  message: string;
  /** The message's first line. */
  summary: string;
}

/** The revisions, newest first, each with its commit's details. */
export function revisionViews(index: HistoryIndex, history: RecordHistory): RevisionView[] {
  return history.revisions
    .map((revision, at): RevisionView => {
      const commit = index.commits[revision.commit] as CommitSummary;
      return {
        ...revision,
        number: at + 1,
        author: commit.author,
        committer: commit.committer,
        message: commit.message,
        summary: commit.message.split('\n')[0] ?? '',
      };
    })
    .reverse();
}

/** Everyone who authored a revision, in order of their first one. */
export function authorsOf(index: HistoryIndex, history: RecordHistory): Signature[] {
  const seen = new Map<string, Signature>();
  for (const revision of history.revisions) {
    const author = index.commits[revision.commit]?.author;
    if (author && !seen.has(author.email || author.name))
      seen.set(author.email || author.name, author);
  }
  return [...seen.values()];
}

/**
 * The record as it was in a revision, read from the committed metadata file (undefined for a
 * deletion). Exact, including for revisions whose field changes could not be computed.
 */
export async function recordAt(
  objects: ObjectReader,
  revision: Revision,
): Promise<RecordState | undefined> {
  if (!revision.blob) return undefined;
  return readRecordState(revision.file, await objects.blob(revision.blob));
}

/** A revision as one audience may see it. */
export interface AudienceRevision {
  revision: Revision;
  /** The record in this revision. */
  state: RecordState;
  /**
   * The field changes are withheld: the version before was not visible to this audience, and
   * its values (`oldValue`) would reveal it. The page shows "became visible" instead.
   */
  changesWithheld: boolean;
}

/**
 * The revisions of a record an audience may see: those in which the record itself was visible
 * to it, decided by the same rule as the sites (`isVisibleTo`), on the record as it was then.
 * git keeps every version, so a record made public later must not show, on the public site, the
 * collaboration-only values it once had.
 */
export async function revisionsFor(
  history: RecordHistory,
  audience: Audience,
  day: string,
  read: (revision: Revision) => Promise<RecordState | undefined>,
): Promise<AudienceRevision[]> {
  const visible: AudienceRevision[] = [];
  const seen = new Set<number>();
  for (const [at, revision] of history.revisions.entries()) {
    const state = await read(revision);
    if (!state?.readable) continue;
    const access = state.data.access;
    if (!isAccessFields(access) || !isVisibleTo(access, audience, day)) continue;
    const base = revision.base ?? at - 1;
    visible.push({ revision, state, changesWithheld: base >= 0 && !seen.has(base) });
    seen.add(at);
  }
  return visible;
}

const LEVELS: ReadonlySet<unknown> = new Set(['public', 'collaboration', 'restricted']);

/**
 * Access as the sites' rule reads it. An old version need not have validated: one whose access
 * is malformed (an unknown level, an embargo that is not a date) counts as visible to no one.
 */
function isAccessFields(access: unknown): access is AccessFields {
  if (!access || typeof access !== 'object' || Array.isArray(access)) return false;
  const { level, embargo_until: embargo } = access as { [key: string]: unknown };
  return (
    LEVELS.has(level) &&
    (embargo === undefined || (typeof embargo === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(embargo)))
  );
}
