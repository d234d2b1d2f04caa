import { readdir, rm } from 'node:fs/promises';
import * as path from 'node:path';
import * as pagefind from 'pagefind';

/**
 * Builds the Pagefind index of a built site: record pages only (each page marks its searchable
 * part, facets and sort keys), written to `pagefind/` in the site. Pagefind's ready-made search
 * UIs are removed: the site's own search page uses the JavaScript API.
 */
export const SEARCH_DIR = 'pagefind';
const RECORD_PAGES = 'records/**/index.html';
const UNUSED = /^pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/;

export async function buildSearchIndex(siteDir: string): Promise<{ pages: number }> {
  const created = await pagefind.createIndex({ forceLanguage: 'en' });
  const index = created.index;
  if (!index) throw new Error(`Pagefind could not start: ${created.errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: siteDir, glob: RECORD_PAGES });
    if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
    const output = path.join(siteDir, SEARCH_DIR);
    const written = await index.writeFiles({ outputPath: output });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    for (const name of await readdir(output))
      if (UNUSED.test(name)) await rm(path.join(output, name));
    return { pages: added.page_count };
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}
