import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
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
  build: { format: 'directory', concurrency: 4 },
  integrations: [mdx()],
  // Shiki colours code with inline styles, which the Content-Security-Policy forbids.
  markdown: { syntaxHighlight: 'prism' },
  devToolbar: { enabled: false },
  prefetch: false,
  // Scripts as files, never inline: the CSP then needs no hashes for them.
  vite: { build: { assetsInlineLimit: 0 } },
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // Pagefind's search runs as WebAssembly, which needs 'wasm-unsafe-eval' (not 'unsafe-eval').
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
