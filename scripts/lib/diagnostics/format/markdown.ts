import type { Diagnostic } from '../diagnostic.ts';
import type { ReportSummary } from './summary.ts';
import { summaryLine } from './summary.ts';

/**
 * A Markdown report: GitHub's job summary, and the body the review bots post. Record data is
 * escaped so a title cannot inject Markdown or HTML into the page that shows the report.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]<>()#+!|~]/g, (character) => `\\${character}`)
    .replace(/\r?\n/g, ' ');
}

/** Inline code that survives backticks in the text. */
function code(text: string): string {
  const clean = text.replace(/\r?\n/g, ' ');
  const fence = clean.includes('`') ? '``' : '`';
  return `${fence}${clean.includes('`') ? ` ${clean} ` : clean}${fence}`;
}

export function formatMarkdown(
  diagnostics: readonly Diagnostic[],
  summary: ReportSummary,
  limit = 200,
): string {
  const lines = [
    `**${summary.errors > 0 ? '✖' : '✔'} ${escapeMarkdown(summaryLine(summary))}**`,
    '',
  ];
  if (diagnostics.length === 0) return lines.join('\n') + '\n';
  lines.push('| | Where | Problem | How to fix it |', '|---|---|---|---|');
  for (const d of diagnostics.slice(0, limit)) {
    lines.push(
      `| ${d.severity === 'error' ? '✖ error' : '⚠ warning'} | ${code(`${d.file}:${d.line}`)} | ${code(d.code)} ${escapeMarkdown(d.message)} | ${escapeMarkdown(d.hint)} |`,
    );
  }
  if (diagnostics.length > limit)
    lines.push('', `…and ${diagnostics.length - limit} more; see the full report in the job log.`);
  return lines.join('\n') + '\n';
}
