import type { Diagnostic } from '../diagnostic.ts';
import type { ReportSummary } from './summary.ts';
import { summaryLine } from './summary.ts';

/**
 * GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`): each becomes
 * an annotation on the pull request's diff.
 */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(diagnostics: readonly Diagnostic[], summary: ReportSummary): string {
  const lines = diagnostics.map((d) => {
    const properties = `file=${escapeProperty(d.file)},line=${d.line},col=${d.column},title=${escapeProperty(d.code)}`;
    return `::${d.severity === 'error' ? 'error' : 'warning'} ${properties}::${escapeData(`${d.message}\n${d.hint}`)}`;
  });
  lines.push(
    summary.errors > 0
      ? `::error::${escapeData(summaryLine(summary))}`
      : `::notice::${escapeData(summaryLine(summary))}`,
  );
  return lines.join('\n') + '\n';
}
