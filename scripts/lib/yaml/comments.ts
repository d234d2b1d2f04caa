import type { ScalarNode, Trivia, YamlDocument, YamlNode } from './nodes.ts';

/**
 * Gives every comment and blank line of a document to the entry it belongs to: full-line comments
 * and blank lines to the entry below them, an end-of-line comment to the last entry begun before
 * it on that line. Run once after composing, only where a file is to be written back.
 */
export function attachTrivia(doc: YamlDocument): void {
  const { source, root } = doc;
  const entries: Array<{ start: number; trivia: Trivia }> = [];
  const scalars: ScalarNode[] = [];
  if (root) collect(root, entries, scalars);

  let pending: Array<string | null> = [];
  let next = 0;
  let lastStarted: Trivia | undefined;
  let lineStart = 0;
  while (lineStart <= source.length) {
    const newline = source.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? source.length : newline;
    let ownsLine = false;
    while (
      next < entries.length &&
      (entries[next]?.start ?? Infinity) < lineEnd + (newline === -1 ? 1 : 0)
    ) {
      const entry = entries[next++] as { start: number; trivia: Trivia };
      if (!ownsLine) {
        entry.trivia.leading = trimBlank(pending);
        pending = [];
        ownsLine = true;
      }
      lastStarted = entry.trivia;
    }
    const line = source.slice(lineStart, lineEnd);
    const masked = insideScalar(scalars, lineStart);
    const comment = findComment(source, lineStart, lineEnd, scalars);
    if (comment !== -1) {
      const text = source.slice(comment, lineEnd).trimEnd();
      const before = source.slice(lineStart, comment);
      if (before.trim() === '' && !masked) pending.push(text);
      else if (lastStarted && lastStarted.trailing === undefined) lastStarted.trailing = text;
    } else if (
      !masked &&
      line.trim() === '' &&
      pending[pending.length - 1] !== null &&
      newline !== -1
    ) {
      pending.push(null);
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  const end = trimBlank(pending);
  while (end.length > 0 && end[end.length - 1] === null) end.pop();
  doc.endComments = end.filter((line): line is string => line !== null);

  // A comment block separated from the first entry by a blank line is the file's header.
  const first = entries[0]?.trivia;
  if (first) {
    const lastBlank = first.leading.lastIndexOf(null);
    if (lastBlank !== -1) {
      doc.headerComments = first.leading
        .slice(0, lastBlank)
        .filter((line): line is string => line !== null);
      first.leading = first.leading.slice(lastBlank + 1);
    }
  }
}

function trimBlank(lines: Array<string | null>): Array<string | null> {
  let start = 0;
  while (start < lines.length && lines[start] === null) start++;
  return lines.slice(start);
}

function collect(
  node: YamlNode,
  entries: Array<{ start: number; trivia: Trivia }>,
  scalars: ScalarNode[],
): void {
  if (node.kind === 'scalar') {
    scalars.push(node);
  } else if (node.kind === 'map') {
    for (const entry of node.entries) {
      entries.push({ start: entry.key.start, trivia: entry.trivia });
      scalars.push(entry.key);
      collect(entry.value, entries, scalars);
    }
  } else {
    for (const item of node.items) {
      entries.push({ start: item.value.start, trivia: item.trivia });
      collect(item.value, entries, scalars);
    }
  }
}

/** Whether an offset lies inside a scalar (a block scalar's text, a quoted string). */
function insideScalar(scalars: ScalarNode[], offset: number): boolean {
  let low = 0;
  let high = scalars.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((scalars[mid]?.start ?? 0) <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  // Scalars do not overlap, but an empty scalar may share its start with the next one.
  for (let i = found; i >= 0 && i >= found - 1; i--) {
    const scalar = scalars[i];
    if (scalar && scalar.start <= offset && offset < scalar.end) return true;
  }
  return false;
}

/** The offset of the comment on a line, or -1. A `#` starts a comment after whitespace, outside scalars. */
function findComment(
  source: string,
  lineStart: number,
  lineEnd: number,
  scalars: ScalarNode[],
): number {
  for (
    let i = source.indexOf('#', lineStart);
    i !== -1 && i < lineEnd;
    i = source.indexOf('#', i + 1)
  ) {
    const before = i === lineStart ? ' ' : source[i - 1];
    if ((before === ' ' || before === '\t') && !insideScalar(scalars, i)) return i;
  }
  return -1;
}
