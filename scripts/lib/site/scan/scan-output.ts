import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { looksLikeZip, unzipArchive } from '../../export/zip.ts';
import { pauses } from '../../util/turns.ts';
import type { ForbiddenString } from './forbidden.ts';
import { forbiddenPatterns } from './forbidden.ts';
import { Matcher } from './matcher.ts';

/**
 * Reads every file of a built site, gzip-compressed ones (Pagefind's index, fragments, filters
 * and metadata) decompressed as well, and ZIP archives (serialized bags) entry by entry, names
 * and contents, and reports every place a forbidden string occurs. Files
 * can be checked as the build writes them (`check`); `finish` then walks the whole folder and
 * checks every file not checked yet, so nothing is left out whatever the build reported. A file's
 * path is checked too: a download written under a hidden record's id (files/<id>/...,
 * api/records/<id>/hepdata/...) leaks the record even when its content names nothing.
 */
export interface Leak {
  /** Path relative to the site folder. */
  file: string;
  /** Set when the match is inside the decompressed content of the file. */
  decompressed: boolean;
  /** The ZIP entry the match is in, when the file is a ZIP archive. */
  entry?: string;
  /** Set when the match is in the file's path, not its content (`offset` is then in the path). */
  inPath?: boolean;
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

export interface FolderScope {
  /** Only the files in this folder of the site. */
  only?: string;
  /** All files but those in this folder of the site. */
  except?: string;
}

export class OutputScanner {
  readonly #matcher: Matcher | undefined;
  readonly #source: ForbiddenString[];
  /** Checked files and their size. */
  readonly #checked = new Map<string, number>();
  readonly report: ScanReport = { files: 0, bytes: 0, leaks: [] };

  constructor(forbidden: readonly ForbiddenString[]) {
    const { patterns, source } = forbiddenPatterns(forbidden);
    this.#matcher = patterns.length > 0 ? new Matcher(patterns) : undefined;
    this.#source = source;
  }

  /** Checks one file's content; `file` is its path relative to the site folder. */
  check(file: string, bytes: Uint8Array): void {
    this.#checked.set(file, bytes.length);
    this.report.files++;
    this.#scanPath(file);
    this.#scanContent(file, bytes, false);
    if (looksLikeZip(bytes)) {
      let entries;
      try {
        entries = unzipArchive(bytes);
      } catch (error) {
        // An archive the scan cannot read is an archive it cannot clear: fail closed.
        this.#unreadable(file, (error as Error).message);
        return;
      }
      for (const entry of entries) {
        this.#scan(file, Buffer.from(entry.path, 'utf8'), true, entry.path);
        this.#scanContent(file, entry.bytes, true, entry.path);
      }
    }
  }

  /** The bytes, and their gunzipped content when they are gzip. */
  #scanContent(file: string, bytes: Uint8Array, decompressed: boolean, entry?: string): void {
    this.#scan(file, bytes, decompressed, entry);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      let inflated: Uint8Array | undefined;
      try {
        inflated = gunzipSync(bytes);
      } catch {
        // Not gzip after all (a binary that happens to start with the magic bytes).
      }
      if (inflated) this.#scan(file, inflated, true, entry);
    }
  }

  #unreadable(file: string, message: string): void {
    this.report.leaks.push({
      file,
      decompressed: false,
      offset: 0,
      recordId: '(unknown)',
      what: 'id',
      context: `a ZIP archive the scan cannot read (${message}), so it cannot be cleared`,
    });
  }

  /**
   * Checks every file under `dir` that was not checked yet (or changed size since): all of them,
   * or only those in its folder `scope.only`, or all but those in its folder `scope.except`.
   */
  finish(dir: string, scope: FolderScope = {}): ScanReport {
    for (const file of this.#unchecked(dir, scope))
      this.check(file, readFileSync(path.join(dir, file)));
    return this.report;
  }

  /** `finish`, letting other work run between files (a build checks while Pagefind writes). */
  async finishInTurns(dir: string, scope: FolderScope = {}): Promise<ScanReport> {
    const pause = pauses();
    for (const file of this.#unchecked(dir, scope)) {
      this.check(file, readFileSync(path.join(dir, file)));
      await pause();
    }
    return this.report;
  }

  *#unchecked(dir: string, scope: FolderScope): Generator<string> {
    const inFolder = (file: string, folder: string) =>
      file === folder || file.startsWith(`${folder}/`);
    const files = scope.only
      ? existsSync(path.join(dir, scope.only))
        ? listFiles(dir, scope.only)
        : []
      : listFiles(dir).filter((file) => !scope.except || !inFolder(file, scope.except));
    for (const file of files)
      if (this.#checked.get(file) !== statSync(path.join(dir, file)).size) yield file;
  }

  #scanPath(file: string): void {
    const room = MAX_LEAKS - this.report.leaks.length;
    if (!this.#matcher || room <= 0) return;
    for (const match of this.#matcher.scan(Buffer.from(file), room)) {
      const entry = this.#source[match.pattern] as ForbiddenString;
      this.report.leaks.push({
        file,
        decompressed: false,
        inPath: true,
        offset: match.offset,
        recordId: entry.recordId,
        what: entry.what,
        context: file,
      });
    }
  }

  #scan(file: string, bytes: Uint8Array, decompressed: boolean, entry?: string): void {
    this.report.bytes += bytes.length;
    const room = MAX_LEAKS - this.report.leaks.length;
    if (!this.#matcher || room <= 0) return;
    for (const match of this.#matcher.scan(bytes, room)) {
      const forbidden = this.#source[match.pattern] as ForbiddenString;
      this.report.leaks.push({
        file,
        decompressed,
        ...(entry ? { entry } : {}),
        offset: match.offset,
        recordId: forbidden.recordId,
        what: forbidden.what,
        context: Buffer.from(bytes.subarray(Math.max(0, match.offset - 40), match.offset + 80))
          .toString('utf8')
          .replace(/\s+/g, ' '),
      });
    }
  }
}

/** Scans a whole built site in one go. */
export function scanOutput(dir: string, forbidden: readonly ForbiddenString[]): ScanReport {
  return new OutputScanner(forbidden).finish(dir);
}

export function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(dir, relative));
    else out.push(relative);
  }
  return out.sort();
}
