/** "Did you mean…?" for misspelt keys and choices. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0] as number;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] as number;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, (previous[j - 1] as number) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length] as number;
}

/** The candidate closest to `input`, if it is close enough to be a likely typo. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  const lower = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const candidateLower = candidate.toLowerCase();
    if (candidateLower === lower) return candidate;
    const distance = editDistance(lower, candidateLower);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(1, Math.floor(Math.min(input.length, best?.length ?? 0) / 3));
  return bestDistance <= allowed ? best : undefined;
}

/** `a`, `a or b`, `a, b or c` — with code formatting. */
export function listChoices(values: readonly unknown[], max = 12): string {
  const shown = values
    .slice(0, max)
    .map((value) => `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``);
  const more = values.length > max ? ` (and ${values.length - max} more)` : '';
  if (shown.length <= 1) return (shown[0] ?? '') + more;
  return `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}${more}`;
}

/** A value shown in a message, shortened. */
export function showValue(value: unknown, max = 60): string {
  const text =
    typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** `/people/0/orcid` → `people[0].orcid`, how people read a path. */
export function displayPath(pointer: string): string {
  if (pointer === '') return 'the record';
  let out = '';
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(segment) ? `[${segment}]` : out === '' ? segment : `.${segment}`;
  }
  return out;
}
