import type { FileChange } from '../git/tree-diff.ts';
import type { FieldChange } from '../history/field-diff.ts';
import { applyChanges, revertChanges } from '../history/patch.ts';
import type { Audience } from '../records/access.ts';
import type { ArchiveConfig } from '../records/types.ts';
import { isMap } from '../validate/data.ts';
import { pointerSegments } from '../yaml/locate.ts';
import type { FieldNode, FieldTreeBuilder } from './field-tree.ts';
import type { SiteHistory, SiteRevision } from './types.ts';
import { wordDiff } from './word-diff.ts';
import type { WordPart } from './word-diff.ts';

/**
 * What a history page shows of each revision: who, when, why (the commit message), what kind of
 * change, and each field change labelled by the schema's titles with the values before and
 * after, as the record page renders values. Pure: the loader decided what may be shown.
 */
export interface RevisionView {
  number: number;
  /** The anchor of the revision on the history page. */
  anchor: string;
  commit: string;
  shortCommit: string;
  /** The revision's own page (`<commit, 12 characters>`); absent for the current version. */
  slug?: string;
  /** YYYY-MM-DD and HH:MM in the author's time zone, and the full ISO date. */
  day: string;
  time: string;
  dateTime: string;
  author: { name: string; email?: string };
  /** The message's first line and the rest; both absent when the message is withheld. */
  summary?: string;
  body?: string;
  kind: SiteRevision['kind'];
  /** `Created`, `Changed`, `Moved`, `Became visible`, `Oldest available`. */
  label: string;
  /** The label's kind, for its badge. */
  tone: 'created' | 'modified' | 'moved' | 'visible' | 'truncated';
  /** A sentence on what the revision was, when the label alone does not say it. */
  note?: string;
  changes: ChangeView[];
  /** Other files of the record folder that changed (the metadata file is in `changes`). */
  files: FileChange[];
  /** The metadata file changed but no field did (comments, layout, quoting). */
  layoutOnly: boolean;
  current: boolean;
  /** The version as it was: its title (for links) and schema. */
  title: string;
  schema: string;
}

export interface ChangeView {
  op: FieldChange['op'];
  /** `Added`, `Removed`, `Changed`. */
  verb: string;
  pointer: string;
  /** The field, by the schema's titles: `People 2 (Ada Lovelace) › Affiliations 1 › Name`. */
  label: string;
  /** The record's top-level field it is in, by title (`People`). */
  field: string;
  before?: FieldNode;
  after?: FieldNode;
  /** For a text rewritten: the words kept, removed and added, in order. */
  words?: WordPart[];
}

export interface HistoryViewOptions {
  /** The schema to label fields by when a version names none. */
  schema: string;
  /** Only which fields changed, not their values (a record page's short list). */
  brief?: boolean;
}

/** Every revision, newest first. */
export function historyViews(
  history: SiteHistory,
  trees: FieldTreeBuilder,
  options: HistoryViewOptions,
): RevisionView[] {
  return history.revisions.map((revision) => revisionView(revision, trees, options)).reverse();
}

export function revisionView(
  revision: SiteRevision,
  trees: FieldTreeBuilder,
  options: HistoryViewOptions,
): RevisionView {
  const schema = typeof revision.data.$schema === 'string' ? revision.data.$schema : options.schema;
  const message = revision.message?.trim();
  const [summary, ...rest] = message ? message.split('\n') : [];
  const body = rest.join('\n').trim();
  const files = revision.files.filter((file) => !METADATA_FILE.test(file.path));
  const view: RevisionView = {
    number: revision.number,
    anchor: `revision-${revision.number}`,
    commit: revision.commit,
    shortCommit: revision.commit.slice(0, 10),
    day: revision.date.slice(0, 10),
    time: revision.date.slice(11, 16),
    dateTime: revision.date,
    author: revision.author,
    kind: revision.kind,
    label: label(revision),
    tone: revision.truncated ? 'truncated' : revision.changesWithheld ? 'visible' : revision.kind,
    changes: changeViews(revision, trees, schema, options.brief === true),
    files,
    layoutOnly:
      revision.kind === 'modified' &&
      !revision.changesWithheld &&
      revision.changes.length === 0 &&
      files.length < revision.files.length,
    current: revision.current,
    title: typeof revision.data.title === 'string' ? revision.data.title : revision.id,
    schema,
  };
  if (!revision.current) view.slug = revisionSlug(revision.commit);
  if (summary) view.summary = summary;
  if (body) view.body = body;
  const note = noteFor(revision);
  if (note) view.note = note;
  return view;
}

/** The part of a revision page's URL that names it: the commit, shortened. */
export function revisionSlug(commit: string): string {
  return commit.slice(0, 12);
}

function label(revision: SiteRevision): string {
  if (revision.truncated) return 'Oldest available';
  if (revision.changesWithheld) return 'Became visible';
  if (revision.kind === 'created') return 'Created';
  if (revision.kind === 'moved') return 'Moved';
  return 'Changed';
}

function noteFor(revision: SiteRevision): string | undefined {
  if (revision.truncated)
    return 'The record already existed where this shallow clone’s history starts: its earlier revisions are missing.';
  if (revision.changesWithheld)
    return 'The record became visible on this site in this revision; its earlier versions are not shown here.';
  if (revision.kind === 'moved' && revision.previousId)
    return `Moved from ${revision.previousId} to ${revision.id}.`;
  return undefined;
}

const METADATA_FILE = /^record\.(yaml|md)$/;

const VERBS = { add: 'Added', remove: 'Removed', replace: 'Changed' } as const;

/**
 * Each change labelled along its path. List positions are named by the item as it was when the
 * change applied (the changes apply in order, so the versions in between are replayed).
 */
function changeViews(
  revision: SiteRevision,
  trees: FieldTreeBuilder,
  schema: string,
  brief: boolean,
): ChangeView[] {
  if (revision.changes.length === 0) return [];
  // Replayed only to name list items; should the changes not fit, items go by number alone.
  let document: unknown;
  try {
    document = revertChanges(revision.data, revision.changes);
  } catch {
    document = undefined;
  }
  const out: ChangeView[] = [];
  for (const change of revision.changes) {
    const before = document;
    try {
      document = applyChanges(document, [change]);
    } catch {
      document = undefined;
    }
    const segments = pointerSegments(change.path);
    const titles = trees.titles(schema, segments);
    const crumbs: string[] = [];
    let value: unknown = change.op === 'add' ? document : before;
    for (const [at, segment] of segments.entries()) {
      value = step(value, segment);
      if (/^\d+$/.test(segment)) {
        const name = itemName(value);
        crumbs[crumbs.length - 1] =
          `${titles[at]} ${Number(segment) + 1}${name ? ` (${name})` : ''}`;
      } else {
        crumbs.push(titles[at] as string);
      }
    }
    const view: ChangeView = {
      op: change.op,
      verb: VERBS[change.op],
      pointer: change.path,
      label: crumbs.join(' › ') || 'The whole record',
      field: titles[0] ?? 'The whole record',
    };
    out.push(view);
    if (brief) continue;
    if (change.op !== 'add') view.before = trees.valueAt(schema, segments, change.oldValue);
    if (change.op !== 'remove') view.after = trees.valueAt(schema, segments, change.value);
    if (change.op === 'replace' && isProse(change.oldValue) && isProse(change.value)) {
      const words = wordDiff(change.oldValue, change.value);
      if (words) view.words = words;
    }
  }
  return out;
}

function step(value: unknown, segment: string): unknown {
  if (Array.isArray(value)) return value[Number(segment)];
  return isMap(value) ? value[segment] : undefined;
}

/** What to call a list item: a person's name, a title, a path or a link. */
function itemName(item: unknown): string | undefined {
  if (!isMap(item)) return undefined;
  const person = [item.given_name, item.family_name]
    .filter((part): part is string => typeof part === 'string')
    .join(' ');
  const name =
    person ||
    ['title', 'name', 'path', 'file', 'object', 'url', 'doi', 'arxiv']
      .map((key) => item[key])
      .find((candidate): candidate is string => typeof candidate === 'string');
  if (!name) return undefined;
  return name.length > 60 ? `${name.slice(0, 59)}…` : name;
}

/** Text long enough that showing which words changed helps. */
function isProse(value: unknown): value is string {
  return typeof value === 'string' && value.length > 40 && /\s/.test(value);
}

/** "3 revisions by Ada Lovelace and Grace Hopper, 2024-01-01 to 2024-03-05". */
export function historySummary(history: SiteHistory): string {
  const revisions = history.revisions;
  if (revisions.length === 0) return '';
  const names: string[] = [];
  for (const revision of revisions)
    if (revision.author.name && !names.includes(revision.author.name))
      names.push(revision.author.name);
  const first = revisions[0]?.date.slice(0, 10) ?? '';
  const last = revisions[revisions.length - 1]?.date.slice(0, 10) ?? '';
  const count = `${revisions.length} revision${revisions.length === 1 ? '' : 's'}`;
  const by = names.length > 0 ? ` by ${listNames(names)}` : '';
  const when = first === last ? `, ${first}` : `, ${first} to ${last}`;
  return `${count}${by}${when}`;
}

function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  if (names.length > 4) return `${names.slice(0, 3).join(', ')} and ${names.length - 3} others`;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * When a record last changed, for lists of recently updated records: the date of its last
 * revision this site shows, or undefined when history cannot tell (not read, or only the
 * oldest revision of a shallow clone, whose date is the clone's, not the record's).
 */
export function lastChanged(history: SiteHistory): string | undefined {
  const last = history.revisions[history.revisions.length - 1];
  if (!last || last.truncated) return undefined;
  return last.date;
}

/**
 * A commit on the archive's forge, for readers who can open it: everyone when the repository is
 * public, the collaboration on the internal site; nobody is sent to a page that answers 404.
 */
export function commitUrl(
  config: Pick<ArchiveConfig, 'forge' | 'public_repository'>,
  audience: Audience,
  commit: string,
): string | undefined {
  const forge = config.forge;
  if (!forge || (!config.public_repository && audience !== 'internal')) return undefined;
  const base = (
    forge.url ?? (forge.type === 'gitlab' ? 'https://gitlab.com' : 'https://github.com')
  ).replace(/\/+$/, '');
  const repository = forge.repository.replace(/^\/+|\/+$/g, '');
  return forge.type === 'gitlab'
    ? `${base}/${repository}/-/commit/${commit}`
    : `${base}/${repository}/commit/${commit}`;
}

/**
 * The records changed last, newest first: by their last commit when history tells it, otherwise
 * by their `updated` field (records without one, and without history, are left out: nothing says
 * they were ever updated).
 */
export function recentlyUpdated<T extends HistoryRecord>(
  records: readonly T[],
  count: number,
): T[] {
  const when = (record: T): number | undefined => {
    const changed = lastChanged(record.history) ?? record.metadata.updated;
    return changed === undefined ? undefined : Date.parse(changed);
  };
  return records
    .map((record) => ({ record, time: when(record) }))
    .filter(
      (entry): entry is { record: T; time: number } =>
        entry.time !== undefined && !Number.isNaN(entry.time),
    )
    .sort((a, b) => b.time - a.time || a.record.id.localeCompare(b.record.id))
    .slice(0, count)
    .map((entry) => entry.record);
}

interface HistoryRecord {
  id: string;
  history: SiteHistory;
  metadata: { updated?: string | undefined };
}

/**
 * Whether a record gets a history page: when it has more than one revision to show. A lone
 * revision is all on the record page (who created it, when and why), so thousands of records
 * never edited add no pages to the build.
 */
export function hasHistoryPage(history: SiteHistory): boolean {
  return history.revisions.length > 1;
}
