import type { Diagnostic } from '../diagnostic.ts';
import { countDiagnostics } from '../diagnostic.ts';

export interface ReportSummary {
  records: number;
  errors: number;
  warnings: number;
}

export function summarise(records: number, diagnostics: readonly Diagnostic[]): ReportSummary {
  return { records, ...countDiagnostics(diagnostics) };
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** One line: "2 errors and 1 warning in 17 records." */
export function summaryLine(summary: ReportSummary): string {
  const { records, errors, warnings } = summary;
  if (errors === 0 && warnings === 0) return `${plural(records, 'record')} checked: all valid.`;
  const parts = [
    errors > 0 ? plural(errors, 'error') : '',
    warnings > 0 ? plural(warnings, 'warning') : '',
  ].filter(Boolean);
  return `${parts.join(' and ')} in ${plural(records, 'record')} checked.`;
}
