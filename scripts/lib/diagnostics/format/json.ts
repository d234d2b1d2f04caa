import type { Diagnostic } from '../diagnostic.ts';
import type { ReportSummary } from './summary.ts';

/** `{"records":N,"errors":N,"warnings":N,"diagnostics":[...]}` — the contract bots and scripts read. */
export function formatJson(diagnostics: readonly Diagnostic[], summary: ReportSummary): string {
  return JSON.stringify({ ...summary, diagnostics }, null, 2) + '\n';
}
