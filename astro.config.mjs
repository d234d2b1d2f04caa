import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { capsuleSite } from './scripts/lib/site/astro-integration.ts';
import { astroSiteAndBase, settingsFromEnv } from './scripts/lib/site/settings.ts';

/**
 * The catalogue site. `npx capsule build --audience public|internal` runs Astro with this config
 * and hands it the build's settings (audience, output folder, site URL) through the environment;
 * each build gets its own Astro root and cache, so two builds never share state.
 */
const settings = settingsFromEnv(process.env);
const { site, base } = astroSiteAndBase(settings.siteUrl);
const here = (path) => new URL(path, import.meta.url).pathname;

export default defineConfig({
  srcDir: here('./site/'),
  publicDir: here('./site/public/'),
  outDir: settings.outDir,
  cacheDir: settings.cacheDir,
  site,
  base,
  trailingSlash: 'ignore',
  build: { format: 'directory', concurrency: 16, inlineStylesheets: 'never' },
  integrations: [mdx(), capsuleSite()],
  // Shiki colours code with inline styles, which the Content-Security-Policy forbids.
  markdown: { syntaxHighlight: 'prism' },
  devToolbar: { enabled: false },
  prefetch: false,
  // Scripts and styles as files, never inline: the pages' Content-Security-Policy
  // (scripts/lib/site/csp.ts, in the layout) allows no inline code at all. Astro's own CSP
  // support is not used: it hashes per page, which cost a third of the render time.
  vite: { build: { assetsInlineLimit: 0 } },
});
