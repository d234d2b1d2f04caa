import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { recordDocument } from './api.ts';
import { resultsDownloads } from './results.ts';
import { formValidatorsPlugin } from './form-validators-plugin.ts';
import { settingsFromEnv } from './settings.ts';
import { siteArchive } from './site-source.ts';

/**
 * Capsule's Astro integration: writes the static API's per-record documents
 * (api/records/<collection>/<slug>.json) once the pages are built. Thousands of them as Astro
 * routes cost more than all other pages but the record pages; written here they are plain files,
 * from the same records the pages were built from (the one load of site-source.ts), with the
 * downloads of their HEPData results (results.ts). It also adds
 * the Vite plugin that compiles the submission form's validators (form-validators-plugin.ts).
 */
export function capsuleSite(options: { siteUrl: string }) {
  return {
    name: 'capsule-site',
    hooks: {
      'astro:config:setup': ({
        updateConfig,
      }: {
        updateConfig: (config: { vite: { plugins: unknown[] } }) => void;
      }) => {
        updateConfig({
          vite: { plugins: [formValidatorsPlugin(settingsFromEnv(process.env).root)] },
        });
      },
      'astro:build:done': async ({ dir }: { dir: URL }) => {
        const archive = await siteArchive();
        const out = fileURLToPath(dir);
        const { root } = settingsFromEnv(process.env);
        const absolute = (relative: string) => new URL(relative, options.siteUrl).href;
        const made = new Set<string>();
        for (const record of archive.records) {
          const file = path.join(out, 'api/records', `${record.id}.json`);
          const folder = path.dirname(file);
          if (!made.has(folder)) {
            await mkdir(folder, { recursive: true });
            made.add(folder);
          }
          await writeFile(
            file,
            `${JSON.stringify(recordDocument(record, { absolute }), null, 2)}\n`,
          );
          if (record.results) {
            const downloads = path.join(out, 'api/records', record.id, 'hepdata');
            await mkdir(downloads, { recursive: true });
            for (const download of resultsDownloads(record.results, (file) =>
              readFileSync(path.join(root, record.dir, file)),
            ))
              await writeFile(path.join(downloads, download.name), download.content);
          }
        }
      },
    },
  };
}
