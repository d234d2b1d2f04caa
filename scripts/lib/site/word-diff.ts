/**
 * Which words of a text were kept, removed and added, for showing a rewritten abstract or title
 * as one text with the changes marked rather than two texts to compare by eye.
 */
export interface WordPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Above this many token comparisons (after the common start and end) the texts are shown whole. */
const LIMIT = 250_000;

/** The parts in reading order, or undefined when the texts are too long to compare. */
export function wordDiff(before: string, after: string): WordPart[] | undefined {
  const a = tokens(before);
  const b = tokens(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (
    end < a.length - start &&
    end < b.length - start &&
    a[a.length - 1 - end] === b[b.length - 1 - end]
  )
    end++;
  const x = a.slice(start, a.length - end);
  const y = b.slice(start, b.length - end);
  if (x.length * y.length > LIMIT) return undefined;

  // Longest common subsequence, lengths from the end so the walk below reads forwards.
  const width = y.length + 1;
  const lengths = new Uint32Array((x.length + 1) * width);
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--)
      lengths[i * width + j] =
        x[i] === y[j]
          ? (lengths[(i + 1) * width + j + 1] as number) + 1
          : Math.max(lengths[(i + 1) * width + j] as number, lengths[i * width + j + 1] as number);

  const parts: WordPart[] = [];
  const push = (kind: WordPart['kind'], text: string) => {
    const last = parts[parts.length - 1];
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  if (start > 0) push('same', a.slice(0, start).join(''));
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      push('same', x[i] as string);
      i++;
      j++;
    } else if (
      i < x.length &&
      (j >= y.length ||
        (lengths[(i + 1) * width + j] as number) >= (lengths[i * width + j + 1] as number))
    ) {
      // Removed words before the added ones that replace them.
      push('removed', x[i] as string);
      i++;
    } else {
      push('added', y[j] as string);
      j++;
    }
  }
  if (end > 0) push('same', a.slice(a.length - end).join(''));
  return parts;
}

/** Words and the spaces between them, so that joining the tokens gives the text back. */
function tokens(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}
