import { writeFileSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { HistoryOverview } from './load-history.ts';
import { ArchiveInvalidError, loadSite } from './load-site.ts';
import { settingsFromEnv } from './settings.ts';
import type { SiteArchive } from './types.ts';

/**
 * Where the site's pages get their data: ONE `loadSite` call per build process, for the audience
 * and day `capsule build` set, shared by every page (site/lib/data.ts). Access is decided inside
 * loadSite and nowhere else; the pages only ever see what it returns.
 *
 * (An Astro content collection would serialise all records into its data store, bundle that into
 * a module and parse it back: for 10,000 records that cost more than rendering. The pages read
 * this module directly instead.)
 */

/** What the loader tells `capsule build` (through the settings' reportFile). */
export type LoaderReport =
  | {
      ok: true;
      audience: string;
      total: number;
      visible: number;
      warnings: Diagnostic[];
      history?: HistoryOverview;
    }
  | { ok: false; records: number; diagnostics: Diagnostic[]; message: string };

let loading: Promise<SiteArchive> | undefined;

export function siteArchive(
  env: { [name: string]: string | undefined } = process.env,
): Promise<SiteArchive> {
  loading ??= load(env);
  return loading;
}

async function load(env: { [name: string]: string | undefined }): Promise<SiteArchive> {
  const settings = settingsFromEnv(env);
  try {
    const archive = await loadSite(settings.root, {
      audience: settings.audience,
      day: settings.day,
    });
    report(settings.reportFile, {
      ok: true,
      audience: settings.audience,
      total: archive.counts.total,
      visible: archive.counts.visible,
      warnings: archive.warnings,
      history: archive.history,
    });
    return archive;
  } catch (error) {
    if (error instanceof ArchiveInvalidError)
      report(settings.reportFile, {
        ok: false,
        records: error.records,
        diagnostics: error.diagnostics,
        message: error.message,
      });
    throw error;
  }
}

function report(file: string, content: LoaderReport): void {
  writeFileSync(file, JSON.stringify(content));
}
