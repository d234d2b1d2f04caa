import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { LoadedArchive } from '../records/load-archive.ts';
import type { HepdataFolderReport } from '../hepdata/validate-folder.ts';
import type { ArchiveRecord, Collection, UnknownMap } from '../records/types.ts';

/**
 * A validation rule is one function in its own file. Record rules look at one record (and may read
 * its files through the context); archive rules look across all records. Rules read the parsed
 * data defensively: they run even when the schema found problems, so one run reports everything.
 */
export interface RuleContext {
  archive: LoadedArchive;
  /** The archive's own settings (content/archive.yaml), if readable. */
  config: UnknownMap | undefined;
  draft: boolean;
  /** The sha256 of a file, by path relative to the archive root. */
  sha256(file: string): Promise<string>;
  /** A file's bytes, by path relative to the archive root (HEPData tables, reana.yaml). */
  readFile?(file: string): Promise<Uint8Array>;
  /**
   * HEPData submissions as the hepdata rule read them, by folder (relative to the archive root):
   * the site's loader shows their tables without reading and checking them again.
   */
  hepdata?: Map<string, HepdataFolderReport>;
}

export interface RecordRuleContext extends RuleContext {
  collection: Collection | undefined;
}

export type RecordRule = (
  record: ArchiveRecord,
  context: RecordRuleContext,
) => Diagnostic[] | Promise<Diagnostic[]>;
export type ArchiveRule = (records: readonly ArchiveRecord[], context: RuleContext) => Diagnostic[];
