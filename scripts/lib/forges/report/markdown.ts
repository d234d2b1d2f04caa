import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { plural, summaryLine } from '../../diagnostics/format/summary.ts';
import type { ValidationReport } from './read-report.ts';

/**
 * The report as Markdown, for the sticky pull-request comment, the merge-request note and the
 * workflow's step summary: a table of the problems (where, what, how to fix) and what passed.
 * Every text from the report is escaped: it comes from records anyone can propose, and must not
 * become links, images, HTML or mentions in a maintainer's view.
 */
export const REPORT_MARKER = '<!-- capsule-validation-report -->';

export interface MarkdownOptions {
  /** Links a file and line to the forge's view of the change (blob URL at the head commit). */
  fileUrl?: (file: string, line: number) => string;
  /** Where the full report lives (the workflow run), shown when the table is cut short. */
  detailsUrl?: string;
  /** The commit the report is for. */
  commit?: string;
  /** The longest body to produce (GitHub refuses comments over 65,536 characters). */
  maxLength?: number;
  /** Start with the hidden marker that finds the comment again (default true). */
  marker?: boolean;
}

export function reportMarkdown(report: ValidationReport, options: MarkdownOptions = {}): string {
  const maxLength = options.maxLength ?? 60_000;
  const head: string[] = [];
  if (options.marker !== false) head.push(REPORT_MARKER);
  const failed = report.errors > 0;
  head.push(`## ${failed ? '❌' : '✅'} Capsule validation`);
  head.push('');
  head.push(
    `**${escapeText(summaryLine(report))}**${report.draft ? ' (draft: missing required fields are warnings)' : ''}`,
  );
  head.push('');
  head.push(scopeLine(report));

  const tail: string[] = ['', ...passedSection(report), '', footer(report, options)];
  const rows = report.diagnostics.map((d) => row(d, options));
  const table = ['| | Where | Problem | How to fix |', '|---|---|---|---|'];
  const build = (shown: number) => {
    const omitted = rows.length - shown;
    const parts = [...head];
    if (rows.length > 0) {
      parts.push('', ...table, ...rows.slice(0, shown));
      if (omitted > 0)
        parts.push(
          '',
          `…and ${plural(omitted, 'more problem')} not shown here${options.detailsUrl ? `: see [the full report](${options.detailsUrl})` : ' (see the validation job’s log)'}.`,
        );
    }
    return [...parts, ...tail].join('\n') + '\n';
  };
  // Fit as many rows as the length allows (a binary search: rows vary in length).
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (build(middle).length <= maxLength) low = middle;
    else high = middle - 1;
  }
  return build(low);
}

function row(d: Diagnostic, options: MarkdownOptions): string {
  const icon = d.severity === 'error' ? '❌' : '⚠️';
  const place = `${d.file}:${d.line}`;
  const where = options.fileUrl
    ? `[${escapeText(place)}](${options.fileUrl(d.file, d.line)})`
    : `\`${escapeCode(place)}\``;
  return `| ${icon} | ${where} | ${escapeText(d.message)} <sub>${d.code}</sub> | ${escapeText(d.hint)} |`;
}

function scopeLine(report: ValidationReport): string {
  const scope = report.scope;
  if (!scope) return `Checked ${plural(report.records, 'record')} of the archive.`;
  const base = `\`${escapeCode(scope.base.slice(0, 10))}\``;
  const files = plural(scope.files.length, 'changed file');
  if (scope.everything)
    return `${files} since \`${escapeCode(scope.changedSince)}\` (${base}); ${escapeText(scope.everything)}, so every record was checked.`;
  return `Checked the ${plural(report.records, 'record')} touched by ${files} since \`${escapeCode(scope.changedSince)}\` (${base}); the rules across the archive (unique ids and DOIs, related records) ran over every record.`;
}

function passedSection(report: ValidationReport): string[] {
  const failing = new Set<string>();
  for (const d of report.diagnostics) {
    if (d.severity !== 'error') continue;
    const id = report.checked.find((candidate) => d.file.startsWith(`content/${candidate}/`));
    if (id) failing.add(id);
  }
  const passed = report.checked.filter((id) => !failing.has(id));
  const checks =
    'schema, identifiers (DOI, ORCID, ROR, arXiv), files and checksums, access and embargo, figures, workflow and results folders';
  if (report.checked.length === 0) return [`No record was checked. Checks: ${checks}.`];
  const list = passed.map((id) => `\`${escapeCode(id)}\``).join(', ');
  const line = `**Passed** (${passed.length} of ${report.checked.length}): ${list || 'none'}`;
  const lines =
    passed.length > 12
      ? [
          '<details><summary>' +
            `Passed: ${passed.length} of ${report.checked.length} records` +
            '</summary>',
          '',
          list,
          '',
          '</details>',
        ]
      : [line];
  return [...lines, '', `Each record was checked for: ${checks}.`];
}

function footer(report: ValidationReport, options: MarkdownOptions): string {
  const parts = ['<sub>Updated by `capsule report`'];
  if (options.commit) parts.push(` for ${options.commit.slice(0, 10)}`);
  if (options.detailsUrl) parts.push(` · [workflow run](${options.detailsUrl})`);
  parts.push(report.errors > 0 ? ' · fix the problems and push: this comment is updated.' : '.');
  return parts.join('') + '</sub>';
}

/**
 * Text outside code spans: Markdown and HTML syntax is escaped, table pipes too, and `@name`
 * cannot mention anyone. Code spans (`like this`) are kept, with their pipes escaped.
 */
export function escapeText(text: string): string {
  const parts = text.replace(/\r?\n/g, ' ').split(/(`[^`\n]+`)/);
  return parts
    .map((part, index) =>
      index % 2 === 1 ? `\`${escapeCode(part.slice(1, -1))}\`` : escapePlain(part),
    )
    .join('');
}

function escapePlain(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(?=[A-Za-z0-9])/g, '@\u200b')
    .replace(/(https?):\/\//gi, '$1:/\u200b/');
}

export function escapeCode(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/`/g, "'")
    .replace(/\|/g, '\\|');
}
