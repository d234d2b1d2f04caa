import { formValidatorsPlugin } from './form-validators-plugin.ts';
import { settingsFromEnv } from './settings.ts';

/**
 * Capsule's Astro integration: adds the Vite plugin that compiles the submission form's
 * validators (form-validators-plugin.ts). (The static API's per-record files are not Astro
 * routes: `capsule build` writes them itself while Astro renders the pages; see build-site.ts.)
 */
export function capsuleSite() {
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
    },
  };
}
