import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { FileChange } from '../git/tree-diff.ts';
import type { FieldChange } from '../history/field-diff.ts';
import type { HistoryOverview } from './load-history.ts';
import type { Audience } from '../records/access.ts';
import type { ArchiveFs } from '../records/archive-fs.ts';
import type { AccessLevel, ArchiveConfig, RecordMetadata } from '../records/types.ts';
import type { SiteResults } from './results.ts';
import type { WorkflowView } from './workflow-view.ts';

/**
 * What the site is built from: only records the audience may see, already redacted for it. The
 * Astro pages never see anything else, so a page cannot leak what it was never given.
 */
export interface SiteArchive {
  audience: Audience;
  day: string;
  config: ArchiveConfig;
  collections: SiteCollection[];
  records: SiteRecord[];
  schemas: SiteSchema[];
  /** How many records the archive holds in all, and how many are visible to this audience. */
  counts: { total: number; visible: number };
  /** Whether record history could be read, and if not (or not all of it), why. */
  history: HistoryOverview;
  /**
   * The validator's warnings, for the terminal only: they may name records this audience cannot
   * see, so they never reach a page.
   */
  warnings: Diagnostic[];
  /**
   * Where the records were read from, for build steps that read a shown record's files again
   * (the exports: BagIt payload, HEPData tables). Never handed to pages.
   */
  source: { root: string; fs: ArchiveFs };
}

export interface SiteCollection {
  name: string;
  title: string;
  description?: string;
  experiment?: string;
  schemas: string[];
  defaultSchema: string;
  reviewers: string[];
  defaultAccess?: AccessLevel;
}

export interface SiteRecord {
  /** `<collection>/<slug>`, also its URL path under records/. */
  id: string;
  collection: string;
  slug: string;
  /** The record folder relative to the archive root (for reading its files at build time). */
  dir: string;
  /** `name/x.y.z` from `$schema`. */
  schema: string;
  metadataFile: string;
  /** Metadata as its schema describes it, redacted for the audience. */
  metadata: RecordMetadata;
  /** JSON pointers of what the redaction withheld from this audience (withheld.ts). */
  withheld?: string[];
  /** Long-form documentation: record.md's body and README.md. Markdown, rendered without raw HTML. */
  documentation: Array<{ file: string; markdown: string }>;
  workflow?: WorkflowView;
  /** Its HEPData tables (results.ts), when it has a HEPData submission. */
  results?: SiteResults;
  /** The record's preserved files, each with whether the site serves it and why not. */
  files: SiteFile[];
  /** Its revisions from git history, as this audience may see them (see load-history.ts). */
  history: SiteHistory;
}

/**
 * A record's history on one site: only the revisions in which the record was visible to the
 * audience, each version redacted as the record itself is, field changes only between versions
 * the audience may see, and commit messages only of commits that changed nothing it may not see.
 */
export interface SiteHistory {
  /**
   * `complete`: the whole history; `shallow`: a shallow clone's part of it (the oldest revision
   * shown may not be the creation); `uncommitted`: the record is not in any commit yet;
   * `unavailable`: no history could be read (no git repository, or it could not be read).
   */
  status: 'complete' | 'shallow' | 'uncommitted' | 'unavailable';
  /** What is missing and why, and how to fix it, for the page (absent when complete). */
  notice?: { message: string; hint?: string };
  /** Oldest first. */
  revisions: SiteRevision[];
  /** The record on disk differs from its last commit: the site shows a version history lacks. */
  uncommitted: boolean;
}

export interface SiteRevision {
  /** 1 for the oldest revision this audience may see. */
  number: number;
  commit: string;
  /** The author's date, ISO 8601 with the author's UTC offset. */
  date: string;
  /** The commit's author; the email only on the internal site (the public never gets emails). */
  author: { name: string; email?: string };
  /** The commit message; absent when the commit also changed what this audience may not see. */
  message?: string;
  kind: 'created' | 'modified' | 'moved';
  /** The record's id in this revision, and before it when this revision moved its folder. */
  id: string;
  previousId?: string;
  /** The first revision a shallow clone holds: the record existed before it. */
  truncated: boolean;
  /**
   * The version before this one was not visible to this audience: its values (and the files and
   * id it had) are not shown, only that the record became visible here.
   */
  changesWithheld: boolean;
  /** What changed against the previous version shown, between the redacted versions. */
  changes: FieldChange[];
  /** Files of the record folder that changed (paths relative to it). */
  files: FileChange[];
  /** The record as it was after this revision, redacted for the audience. */
  data: { [key: string]: unknown };
  /** This version is the one the record page shows (the last revision, nothing uncommitted). */
  current: boolean;
}

export interface SiteFile {
  /** Path relative to the record folder (`files/figures/mass.svg`). */
  path: string;
  size: number;
  sha256?: string;
  description?: string;
  kind?: string;
  mediaType?: string;
  /** Served by the site (copied to files/<id>/<path>). */
  published: boolean;
  /** Why a listed file is not served. */
  withheld?: string;
}

export interface SiteSchema {
  /** `cms-analysis/1.0.0` or `common/1.0.0/person`. */
  ref: string;
  id: string;
  file: string;
  json: { [key: string]: unknown };
}
