import type { Diagnostic } from '../diagnostic.ts';
import type { ReportSummary } from './summary.ts';

/**
 * `{"records":N,"errors":N,"warnings":N,"diagnostics":[...]}` — the contract bots and scripts
 * read — plus, when known, which records were checked and why (`capsule report` shows them as
 * what passed).
 */
export interface ReportDetails {
  /** Ids of the records checked. */
  checked?: string[];
  /** Whether draft mode was on. */
  draft?: boolean;
  /** Set by `--changed-since`: what the records were selected by. */
  scope?: ChangeScope;
}

export interface ChangeScope {
  changedSince: string;
  /** The commit changes were counted from (the merge base). */
  base: string;
  /** Changed files under the archive root. */
  files: string[];
  /** Why every record was checked, when a change reaches all of them (schemas, archive.yaml). */
  everything?: string;
}

export function formatJson(
  diagnostics: readonly Diagnostic[],
  summary: ReportSummary,
  details: ReportDetails = {},
): string {
  return JSON.stringify({ ...summary, ...details, diagnostics }, null, 2) + '\n';
}
