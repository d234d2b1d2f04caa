import { plural } from '../diagnostics/format/summary.ts';
import type { FieldChange } from './field-diff.ts';
import { authorsOf, revisionViews } from './query.ts';
import type { FoundHistory, RevisionView } from './query.ts';
import type { HistoryIndex } from './types.ts';

/** `capsule history` output: newest revision first, like `git log`, with field-level changes. */
export interface HistoryTextOptions {
  color: boolean;
}

const paint = (on: boolean, code: string, text: string) =>
  on ? `\u001b[${code}m${text}\u001b[0m` : text;

export function formatHistoryText(
  index: HistoryIndex,
  found: FoundHistory,
  options: HistoryTextOptions = { color: false },
): string {
  const { history } = found;
  const color = options.color;
  const authors = authorsOf(index, history).map((author) => author.name);
  const lines = [
    `${paint(color, '1', history.id)} — ${plural(history.revisions.length, 'revision')} by ${authors.join(', ')}${found.removed ? ' (deleted)' : ''}`,
  ];
  for (const revision of revisionViews(index, history)) {
    lines.push('');
    lines.push(
      `${paint(color, '1', `#${revision.number}`)}  ${paint(color, '33', revision.commit.slice(0, 10))}  ${revision.author.date.slice(0, 16).replace('T', ' ')}  ${revision.author.name} <${revision.author.email}>`,
    );
    lines.push(`    ${revision.summary}`);
    lines.push(...describe(revision, color).map((line) => `    ${line}`));
  }
  if (!index.complete) {
    lines.push('');
    lines.push(
      paint(color, '33', 'warning:') +
        ' this clone is shallow: the history stops early and the first revision shown may not be the creation.',
    );
  }
  return lines.join('\n') + '\n';
}

function describe(revision: RevisionView, color: boolean): string[] {
  const out: string[] = [];
  if (revision.kind === 'created') {
    out.push(
      paint(
        color,
        '32',
        revision.truncated ? 'present when the shallow history starts' : 'created',
      ),
    );
  } else if (revision.kind === 'deleted') {
    out.push(paint(color, '31', 'deleted'));
  } else if (revision.kind === 'moved') {
    out.push(paint(color, '36', `moved from ${revision.previousId} to ${revision.id}`));
  }
  if (revision.unreadable) out.push(paint(color, '31', `unreadable: ${revision.unreadable}`));
  for (const change of revision.changes) out.push(describeChange(change, color));
  const metadataName = revision.file.slice(revision.file.lastIndexOf('/') + 1);
  const others = revision.files.filter((file) => file.path !== metadataName);
  const metadataTouched = others.length < revision.files.length;
  if (revision.kind === 'modified' && metadataTouched && revision.changes.length === 0) {
    if (!revision.unreadable) out.push('no field changed (layout or comments only)');
  }
  if (others.length > 0) {
    out.push(`files: ${others.map((file) => `${file.path} (${file.change})`).join(', ')}`);
  }
  return out;
}

export function describeChange(change: FieldChange, color = false): string {
  const where = change.path || '(record)';
  if (change.op === 'add') return `${paint(color, '32', '+')} ${where}: ${show(change.value)}`;
  if (change.op === 'remove')
    return `${paint(color, '31', '-')} ${where}: ${show(change.oldValue)}`;
  return `${paint(color, '33', '~')} ${where}: ${show(change.oldValue)} → ${show(change.value)}`;
}

/** A value on one line, shortened. */
export function show(value: unknown, limit = 80): string {
  const text =
    typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? 'nothing');
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

/** `--format json`: the record's history with each revision's commit details, newest first. */
export function formatHistoryJson(index: HistoryIndex, found: FoundHistory): string {
  return (
    JSON.stringify(
      {
        id: found.history.id,
        removed: found.removed,
        complete: index.complete,
        head: index.head,
        authors: authorsOf(index, found.history),
        revisions: revisionViews(index, found.history),
      },
      null,
      2,
    ) + '\n'
  );
}
