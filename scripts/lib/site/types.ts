import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Audience } from '../records/access.ts';
import type { AccessLevel, ArchiveConfig, RecordMetadata } from '../records/types.ts';
import type { ResultsTable } from './results-view.ts';
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
  /**
   * The validator's warnings, for the terminal only: they may name records this audience cannot
   * see, so they never reach a page.
   */
  warnings: Diagnostic[];
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
  results: ResultsTable[];
  /** The record's preserved files, each with whether the site serves it and why not. */
  files: SiteFile[];
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
