import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { compareDiagnostics } from '../diagnostics/diagnostic.ts';
import { checkSubmission } from './check-submission.ts';
import { checkTable } from './check-table.ts';
import { DEFAULT_HEPDATA_SCHEMA_VERSION } from './schemas.ts';
import type { HepdataSchemaVersion } from './schemas.ts';
import { parseHepdataFile } from './source.ts';

/**
 * One HEPData file on its own, as hepdata-validator's single-file checks see it: a
 * submission.yaml without looking for the files it names, or one table.
 */
export function validateHepdataSubmissionFile(
  path: string,
  bytes: Uint8Array,
  version: HepdataSchemaVersion = DEFAULT_HEPDATA_SCHEMA_VERSION,
): Diagnostic[] {
  const parsed = parseHepdataFile(path, bytes, { stream: true });
  const checked = parsed.parsed ? checkSubmission(parsed, version).diagnostics : [];
  return [...parsed.diagnostics, ...checked].sort(compareDiagnostics);
}

export function validateHepdataTableFile(
  path: string,
  bytes: Uint8Array,
  version: HepdataSchemaVersion = DEFAULT_HEPDATA_SCHEMA_VERSION,
): Diagnostic[] {
  const parsed = parseHepdataFile(path, bytes, { stream: false });
  return [...parsed.diagnostics, ...checkTable(parsed, version)].sort(compareDiagnostics);
}
