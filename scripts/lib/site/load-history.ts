import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { UnknownRevisionError } from '../git/refs.ts';
import { UNSHALLOW_HINT } from '../git/repository.ts';
import { deepEqual, diffValues } from '../history/field-diff.ts';
import { NotARepositoryError, openHistory } from '../history/open-history.ts';
import type { ArchiveHistory } from '../history/open-history.ts';
import { revisionsFor } from '../history/query.ts';
import type { AudienceRevision } from '../history/query.ts';
import type { RecordState } from '../history/read-record.ts';
import type { HistoryIndex, RecordHistory, Revision } from '../history/types.ts';
import type { Audience } from '../records/access.ts';
import type { ArchiveFs } from '../records/archive-fs.ts';
import type { UnknownMap, ValidRecord } from '../records/types.ts';
import { redactData } from './redact.ts';
import type { SiteHistory, SiteRevision } from './types.ts';

/**
 * Record histories for one site build, decided like the records themselves (the loader calls
 * this with the records it keeps). git keeps every version of every record, so:
 * - a record's revisions are those in which it was visible to the audience (`revisionsFor`, the
 *   sites' own access rule applied to each version as it was);
 * - each version is redacted as the record page is (no emails on the public site, no ids of
 *   records the audience cannot see), and field changes are computed between redacted versions;
 * - a revision whose previous version the audience could not see shows no changes, files or
 *   earlier id: only that the record became visible;
 * - a commit message is shown only when every record the commit changed is shown in that
 *   revision to this audience (a message may describe all it changed).
 * Built outside git, from a shallow clone, or before the record's first commit, the history
 * says what is missing and why instead.
 */
export interface HistoryOverview {
  status: 'complete' | 'shallow' | 'unavailable';
  /** For the build's output: what is missing and how to fix it. */
  message?: string;
  hint?: string;
}

export interface LoadedHistories {
  overview: HistoryOverview;
  byRecord: Map<string, SiteHistory>;
}

export interface LoadHistoriesOptions {
  audience: Audience;
  day: string;
  /** Whether a record id is one this build shows (for redacting related records). */
  isVisible(id: string): boolean;
  fs: ArchiveFs;
  /** Opens the archive's history (replaceable in tests). */
  open?: (root: string) => Promise<ArchiveHistory>;
}

export async function loadHistories(
  root: string,
  records: readonly ValidRecord[],
  options: LoadHistoriesOptions,
): Promise<LoadedHistories> {
  let history: ArchiveHistory;
  try {
    history = await (options.open ?? openHistory)(root);
  } catch (error) {
    const overview = unavailable(error);
    const notice = { message: overview.message as string, hint: overview.hint as string };
    const byRecord = new Map<string, SiteHistory>();
    for (const record of records)
      byRecord.set(record.id, { status: 'unavailable', notice, revisions: [], uncommitted: false });
    return { overview, byRecord };
  }
  try {
    return await readHistories(root, history, records, options);
  } finally {
    history.close();
  }
}

function unavailable(error: unknown): HistoryOverview {
  if (error instanceof NotARepositoryError)
    return {
      status: 'unavailable',
      message:
        'This site was built from a copy of the archive that is not a git repository (a download or an unpacked tarball, say), and record history is git history.',
      hint: 'Build the site from a clone of the archive repository to show every record’s revisions.',
    };
  if (error instanceof UnknownRevisionError)
    return {
      status: 'unavailable',
      message: 'The archive’s git repository has no commits yet, so no record has a history.',
      hint: 'Commit the records; the history starts with the first commit.',
    };
  return {
    status: 'unavailable',
    message: `Record history could not be read from git: ${error instanceof Error ? error.message : String(error)}`,
    hint: 'Check the repository with `git fsck`, or build from a fresh clone.',
  };
}

interface Visible {
  record: ValidRecord;
  history: RecordHistory;
  revisions: AudienceRevision[];
  /** The current record on disk differs from its last committed version. */
  uncommitted: boolean;
}

async function readHistories(
  root: string,
  history: ArchiveHistory,
  records: readonly ValidRecord[],
  options: LoadHistoriesOptions,
): Promise<LoadedHistories> {
  const { index } = history;
  const overview: HistoryOverview = index.complete
    ? { status: 'complete' }
    : {
        status: 'shallow',
        message: `This site was built from a shallow clone: git history before ${index.shallowBoundary.map((oid) => oid.slice(0, 10)).join(', ')} is missing, so older revisions are not shown and the oldest one shown may not be a record’s creation.`,
        hint: UNSHALLOW_HINT,
      };
  const byRecord = new Map<string, SiteHistory>();
  const shown: Visible[] = [];
  for (const record of records) {
    const recordHistory = index.records[record.id];
    if (!recordHistory) {
      byRecord.set(record.id, {
        status: 'uncommitted',
        notice: {
          message: 'This record is not in any commit yet: its history starts when it is committed.',
        },
        revisions: [],
        uncommitted: true,
      });
      continue;
    }
    const currentBlob = blobOid(await metadataBytes(root, record, options.fs));
    const read = async (revision: Revision): Promise<RecordState | undefined> =>
      revision.blob === currentBlob
        ? { readable: true, data: record.data }
        : history.recordAt(revision);
    const revisions = await revisionsFor(recordHistory, options.audience, options.day, read);
    const last = recordHistory.revisions[recordHistory.revisions.length - 1] as Revision;
    let uncommitted = last.blob !== currentBlob;
    if (uncommitted) {
      const state = await read(last);
      uncommitted = !state?.readable || !deepEqual(state.data, record.data);
    }
    shown.push({ record, history: recordHistory, revisions, uncommitted });
  }

  const messageShown = commitsShownWhole(index, shown);
  for (const entry of shown)
    byRecord.set(entry.record.id, siteHistory(index, entry, overview, messageShown, options));
  return { overview, byRecord };
}

/**
 * The commits all of whose revisions are shown: each revision a commit made (of any record, the
 * deleted ones too) is either among the shown ones or it is not, and one that is not withholds
 * the commit's message.
 */
function commitsShownWhole(index: HistoryIndex, shown: readonly Visible[]): Set<string> {
  const made = new Map<string, number>();
  for (const history of [...Object.values(index.records), ...index.removed])
    for (const revision of history.revisions)
      made.set(revision.commit, (made.get(revision.commit) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const entry of shown)
    for (const { revision } of entry.revisions)
      seen.set(revision.commit, (seen.get(revision.commit) ?? 0) + 1);
  const whole = new Set<string>();
  for (const [commit, count] of seen) if (made.get(commit) === count) whole.add(commit);
  return whole;
}

function siteHistory(
  index: HistoryIndex,
  entry: Visible,
  overview: HistoryOverview,
  messageShown: ReadonlySet<string>,
  options: LoadHistoriesOptions,
): SiteHistory {
  const { history, revisions, uncommitted } = entry;
  const position = new Map(history.revisions.map((revision, at) => [revision, at]));
  const versions = new Map<number, UnknownMap>();
  const last = history.revisions[history.revisions.length - 1];
  const out: SiteRevision[] = [];
  for (const visible of revisions) {
    const { revision } = visible;
    const at = position.get(revision) as number;
    const data = redactData(
      (visible.state as Extract<RecordState, { readable: true }>).data,
      options.audience,
      options.isVisible,
    );
    versions.set(at, data);
    const base = revision.base ?? at - 1;
    const before = versions.get(base);
    const withheld = visible.changesWithheld;
    const commit = index.commits[revision.commit];
    const author: SiteRevision['author'] = { name: commit?.author.name ?? '' };
    if (options.audience === 'internal' && commit?.author.email) author.email = commit.author.email;
    const site: SiteRevision = {
      number: out.length + 1,
      commit: revision.commit,
      date: commit?.author.date ?? '',
      author,
      kind: revision.kind === 'moved' || revision.kind === 'created' ? revision.kind : 'modified',
      id: revision.id,
      truncated: revision.truncated === true,
      changesWithheld: withheld,
      changes: withheld || !before ? [] : diffValues(before, data),
      files: withheld ? [] : revision.files,
      data,
      current: revision === last && !uncommitted,
    };
    if (commit && messageShown.has(revision.commit)) site.message = commit.message;
    if (revision.previousId && !withheld) site.previousId = revision.previousId;
    out.push(site);
  }
  const site: SiteHistory = {
    status: overview.status === 'shallow' ? 'shallow' : 'complete',
    revisions: out,
    uncommitted,
  };
  if (overview.message)
    site.notice = { message: overview.message, ...(overview.hint ? { hint: overview.hint } : {}) };
  return site;
}

/** The metadata file as committed would hold it: record.yaml's text, or record.md read again. */
async function metadataBytes(root: string, record: ValidRecord, fs: ArchiveFs): Promise<Buffer> {
  if (record.format === 'yaml') return Buffer.from(record.metadataFile.text, 'utf8');
  return Buffer.from(await fs.readFile(path.join(root, record.metadataFile.path)));
}

/** git's object id of a file's content (SHA-1 of "blob <size>\0" and the bytes). */
export function blobOid(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
