import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ForbiddenString } from './forbidden.ts';
import { forbiddenPatterns } from './forbidden.ts';
import { Matcher } from './matcher.ts';

/**
 * Reads every file of a built site, gzip-compressed ones (Pagefind's index, fragments, filters
 * and metadata) decompressed as well, and reports every place a forbidden string occurs.
 */
export interface Leak {
  /** Path relative to the site folder. */
  file: string;
  /** Set when the match is inside the decompressed content of the file. */
  decompressed: boolean;
  offset: number;
  recordId: string;
  what: 'id' | 'title';
  /** A few characters around the match, for the report. */
  context: string;
}

export interface ScanReport {
  files: number;
  bytes: number;
  leaks: Leak[];
}

const MAX_LEAKS = 200;

export function scanOutput(dir: string, forbidden: readonly ForbiddenString[]): ScanReport {
  const report: ScanReport = { files: 0, bytes: 0, leaks: [] };
  if (forbidden.length === 0) {
    for (const file of listFiles(dir)) {
      report.files++;
      report.bytes += readFileSync(path.join(dir, file)).length;
    }
    return report;
  }
  const { patterns, source } = forbiddenPatterns(forbidden);
  const matcher = new Matcher(patterns);
  const check = (file: string, bytes: Uint8Array, decompressed: boolean) => {
    report.bytes += bytes.length;
    for (const match of matcher.scan(bytes, MAX_LEAKS - report.leaks.length)) {
      const entry = source[match.pattern] as ForbiddenString;
      report.leaks.push({
        file,
        decompressed,
        offset: match.offset,
        recordId: entry.recordId,
        what: entry.what,
        context: Buffer.from(bytes.subarray(Math.max(0, match.offset - 40), match.offset + 80))
          .toString('utf8')
          .replace(/\s+/g, ' '),
      });
    }
  };
  for (const file of listFiles(dir)) {
    if (report.leaks.length >= MAX_LEAKS) break;
    const bytes = readFileSync(path.join(dir, file));
    report.files++;
    check(file, bytes, false);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      let inflated: Uint8Array | undefined;
      try {
        inflated = gunzipSync(bytes);
      } catch {
        // Not gzip after all (a binary that happens to start with the magic bytes).
      }
      if (inflated) check(file, inflated, true);
    }
  }
  return report;
}

function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(dir, relative));
    else if (entry.isFile()) out.push(relative);
  }
  return out.sort();
}
