import { fileURLToPath } from 'node:url';
import { formValidatorsPlugin } from './form-validators-plugin.ts';
import { settingsFromEnv } from './settings.ts';
import { siteArchive } from './site-source.ts';
import { writeRecordApi } from './write-api.ts';

/**
 * Capsule's Astro integration: writes the static API's per-record files (the record documents
 * api/records/<collection>/<slug>.json, each record's exports beside it, and the OAI-PMH
 * repository; write-api.ts) once the pages are built. Tens of thousands of them as Astro routes
 * cost more than all other pages but the record pages; written here they are plain files, from
 * the same records the pages were built from (the one load of site-source.ts). It also adds the
 * Vite plugin that compiles the submission form's validators (form-validators-plugin.ts).
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
        await writeRecordApi(archive, fileURLToPath(dir), options.siteUrl);
      },
    },
  };
}
