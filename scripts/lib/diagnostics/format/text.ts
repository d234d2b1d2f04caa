import type { Diagnostic } from '../diagnostic.ts';
import type { ReportSummary } from './summary.ts';
import { summaryLine } from './summary.ts';

/** Terminal output: `file:line:column severity CODE message`, the hint indented below, a count at the end. */
export interface TextStyle {
  color: boolean;
}

const paint = (on: boolean, code: string, text: string) =>
  on ? `\u001b[${code}m${text}\u001b[0m` : text;

export function formatText(
  diagnostics: readonly Diagnostic[],
  summary: ReportSummary,
  style: TextStyle = { color: false },
): string {
  const lines: string[] = [];
  for (const d of diagnostics) {
    const severity =
      d.severity === 'error'
        ? paint(style.color, '31;1', 'error')
        : paint(style.color, '33;1', 'warning');
    lines.push(
      `${paint(style.color, '1', `${d.file}:${d.line}:${d.column}`)} ${severity} ${paint(style.color, '2', d.code)} ${d.message}`,
    );
    if (d.hint) lines.push(`    ${paint(style.color, '36', 'hint:')} ${d.hint}`);
  }
  if (lines.length > 0) lines.push('');
  const mark =
    summary.errors > 0 ? paint(style.color, '31;1', '✖') : paint(style.color, '32;1', '✔');
  lines.push(`${mark} ${summaryLine(summary)}`);
  return lines.join('\n') + '\n';
}
