import { isVisibleTo } from '../../records/access.ts';
import type { Audience } from '../../records/access.ts';
import type { ArchiveRecord } from '../../records/types.ts';
import { isMap, text } from '../../validate/data.ts';
import type { MatcherPattern } from './matcher.ts';

/**
 * What must never appear in a build: the id and the title of every record the audience may not
 * see, in every form a page, a JSON file, a feed or a search fragment could write it (as is,
 * HTML-escaped, JSON-escaped). Computed from the archive on disk independently of the loader, so
 * the check does not trust the code it checks.
 */
export interface ForbiddenString {
  recordId: string;
  what: 'id' | 'title';
  text: string;
}

export function forbiddenStrings(
  records: readonly ArchiveRecord[],
  audience: Audience,
  day: string,
): ForbiddenString[] {
  const hidden: ArchiveRecord[] = [];
  const visibleTitles = new Set<string>();
  for (const record of records) {
    const access = record.data.access;
    const level = isMap(access) ? text(access, 'level') : undefined;
    const embargo = isMap(access) ? text(access, 'embargo_until') : undefined;
    // A record whose access cannot be read counts as hidden: fail closed.
    const visible =
      (level === 'public' || level === 'collaboration' || level === 'restricted') &&
      isVisibleTo({ level, ...(embargo ? { embargo_until: embargo } : {}) }, audience, day);
    if (visible) {
      const title = text(record.data, 'title');
      if (title) visibleTitles.add(normalise(title));
    } else hidden.push(record);
  }
  const out: ForbiddenString[] = [];
  for (const record of hidden) {
    out.push({ recordId: record.id, what: 'id', text: record.id });
    const title = text(record.data, 'title');
    // A hidden record may share its title with a visible one (an internal draft of a public
    // result): then the title proves nothing, and its id still guards the record.
    if (title && !visibleTitles.has(normalise(title)))
      out.push({ recordId: record.id, what: 'title', text: normalise(title) });
  }
  return out;
}

/** The spellings under which a string can appear in the output. */
export function spellings(value: string): string[] {
  const html = value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
  const json = JSON.stringify(value).slice(1, -1);
  const variants = [
    value,
    html,
    html.replace(/'/g, '&#39;'),
    html.replace(/'/g, '&#x27;'),
    html.replace(/'/g, '&apos;'),
    json,
    json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026'),
  ];
  return [...new Set(variants)];
}

export function forbiddenPatterns(forbidden: readonly ForbiddenString[]): {
  patterns: MatcherPattern[];
  source: ForbiddenString[];
} {
  const patterns: MatcherPattern[] = [];
  const source: ForbiddenString[] = [];
  const seen = new Set<string>();
  for (const entry of forbidden) {
    for (const spelling of spellings(entry.text)) {
      const key = spelling.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      patterns.push({ text: spelling, wordBoundary: entry.what === 'id' });
      source.push(entry);
    }
  }
  return { patterns, source };
}

function normalise(title: string): string {
  return title.replace(/\s+/g, ' ').trim();
}
