import { writeFileSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { ArchiveInvalidError, loadSite } from './load-site.ts';
import type { SiteBuildSettings } from './settings.ts';
import type { SiteArchive } from './types.ts';

/**
 * The Astro content loaders of the site (`site/content.config.ts`): four collections (records,
 * collections, schemas, and the archive itself), all filled from ONE `loadSite` call, so access is
 * decided once per build. Typed structurally so the library does not depend on Astro.
 */
export interface ContentStore {
  clear(): void;
  set(entry: { id: string; data: { [key: string]: unknown } }): boolean;
}

export interface ContentLoader {
  name: string;
  load(context: { store: ContentStore; logger: { info(message: string): void } }): Promise<void>;
}

/** What the loader tells `capsule build` (through `settings.reportFile`). */
export type LoaderReport =
  | { ok: true; audience: string; total: number; visible: number; warnings: Diagnostic[] }
  | { ok: false; records: number; diagnostics: Diagnostic[]; message: string };

export function contentLoaders(settings: SiteBuildSettings): {
  [collection in 'records' | 'collections' | 'schemas' | 'archive']: ContentLoader;
} {
  let loading: Promise<SiteArchive> | undefined;
  const site = (): Promise<SiteArchive> => {
    loading ??= loadAndReport(settings);
    return loading;
  };
  const loader = (
    name: string,
    fill: (archive: SiteArchive, store: ContentStore) => void,
  ): ContentLoader => ({
    name: `capsule-${name}`,
    async load({ store }) {
      const archive = await site();
      // Never keep entries from an earlier build: the store holds this build's records only.
      store.clear();
      fill(archive, store);
    },
  });
  return {
    records: loader('records', (archive, store) => {
      for (const record of archive.records)
        store.set({ id: record.id, data: record as unknown as { [key: string]: unknown } });
    }),
    collections: loader('collections', (archive, store) => {
      for (const collection of archive.collections)
        store.set({
          id: collection.name,
          data: collection as unknown as { [key: string]: unknown },
        });
    }),
    schemas: loader('schemas', (archive, store) => {
      for (const schema of archive.schemas)
        store.set({ id: schema.ref, data: schema as unknown as { [key: string]: unknown } });
    }),
    archive: loader('archive', (archive, store) => {
      store.set({
        id: 'archive',
        data: {
          audience: archive.audience,
          day: archive.day,
          config: archive.config,
          counts: archive.counts,
        },
      });
    }),
  };
}

async function loadAndReport(settings: SiteBuildSettings): Promise<SiteArchive> {
  try {
    const archive = await loadSite(settings.root, {
      audience: settings.audience,
      day: settings.day,
    });
    writeReport(settings, {
      ok: true,
      audience: settings.audience,
      total: archive.counts.total,
      visible: archive.counts.visible,
      warnings: archive.warnings,
    });
    return archive;
  } catch (error) {
    if (error instanceof ArchiveInvalidError)
      writeReport(settings, {
        ok: false,
        records: error.records,
        diagnostics: error.diagnostics,
        message: error.message,
      });
    throw error;
  }
}

function writeReport(settings: SiteBuildSettings, report: LoaderReport): void {
  writeFileSync(settings.reportFile, JSON.stringify(report));
}
