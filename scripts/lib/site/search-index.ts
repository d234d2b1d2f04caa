import { readFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import * as path from 'node:path';
import * as pagefind from 'pagefind';
import { listFiles } from './scan/scan-output.ts';

/**
 * The Pagefind index of a built site: record pages only. Each record page marks its searchable
 * part (data-pagefind-body, with facets, sort keys and identifier tokens); only that part is
 * handed to Pagefind, as the pages are written, so indexing runs alongside rendering. Pagefind's
 * ready-made search UIs are removed: the site's search page uses the JavaScript API.
 */
export const SEARCH_DIR = 'pagefind';
const UNUSED = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;
const RECORD_PAGE = /^records\/.+\/index\.html$/;

export interface SearchIndexer {
  /** Offers a file the build wrote (path relative to the site folder); record pages are indexed. */
  offer(file: string, bytes: Uint8Array): void;
  /**
   * Indexes record pages not offered yet (when fewer than `expected` were), writes the index into
   * the site, returns the page count.
   */
  finish(
    siteDir: string,
    expected?: number,
  ): Promise<{ pages: number; timings: { [step: string]: number } }>;
  close(): Promise<void>;
}

export async function createSearchIndexer(): Promise<SearchIndexer> {
  const created = await pagefind.createIndex({ forceLanguage: 'en' });
  const index = created.index;
  if (!index) throw new Error(`Pagefind could not start: ${created.errors.join('; ')}`);
  const offered = new Set<string>();
  const pending: Array<Promise<{ errors: string[] }>> = [];
  const add = (file: string, html: string) => {
    offered.add(file);
    pending.push(index.addHTMLFile({ url: `/${file.replace(/index\.html$/, '')}`, content: html }));
  };
  return {
    offer(file, bytes) {
      if (!RECORD_PAGE.test(file) || offered.has(file)) return;
      const part = searchablePart(Buffer.from(bytes).toString('utf8'));
      if (part !== undefined) add(file, part);
    },
    async finish(siteDir, expected) {
      const offeredDuringRender = offered.size;
      const missing = expected === undefined || offered.size < expected;
      for (const file of missing ? listFiles(path.join(siteDir, 'records')) : []) {
        const relative = `records/${file}`;
        if (RECORD_PAGE.test(relative) && !offered.has(relative)) {
          const part = searchablePart(readFileSync(path.join(siteDir, relative), 'utf8'));
          if (part !== undefined) add(relative, part);
        }
      }
      const started = performance.now();
      const errors = (await Promise.all(pending)).flatMap((result) => result.errors);
      const added = performance.now();
      if (errors.length > 0) throw new Error(`Pagefind: ${errors.slice(0, 5).join('; ')}`);
      const output = path.join(siteDir, SEARCH_DIR);
      const written = await index.writeFiles({ outputPath: output });
      if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
      for (const name of await readdir(output))
        if (UNUSED.test(name)) await rm(path.join(output, name));
      return {
        pages: offered.size,
        timings: {
          'index: offered while rendering': offeredDuringRender,
          'index: pages': Math.round(added - started),
          'index: write': Math.round(performance.now() - added),
        },
      };
    },
    async close() {
      await index.deleteIndex();
      await pagefind.close();
    },
  };
}

/**
 * The part of a record page the index reads: its `data-pagefind-body` header, in a minimal
 * document (Pagefind would ignore the rest of the page anyway; parsing it all is most of the cost).
 */
export function searchablePart(html: string): string | undefined {
  const start = html.indexOf('<header class="record-head"');
  if (start < 0) return undefined;
  const end = html.indexOf('</header>', start);
  if (end < 0) return undefined;
  return `<!doctype html><html lang="en"><body>${html.slice(start, end + '</header>'.length)}</body></html>`;
}
