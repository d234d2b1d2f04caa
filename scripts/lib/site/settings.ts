import type { Audience } from '../records/access.ts';
import { AUDIENCES } from '../records/access.ts';
import { isMap, text } from '../validate/data.ts';

/**
 * What one site build needs to know. `capsule build` decides it and hands it to the Astro process
 * through environment variables (Astro evaluates astro.config.mjs and the content loaders in its
 * own module graph, so nothing else crosses); astro.config.mjs and the loader read it back here.
 */
export interface SiteBuildSettings {
  /** The archive repository (with content/ and schemas/). */
  root: string;
  audience: Audience;
  /** The day access is decided for (YYYY-MM-DD): embargoes lift at its start. */
  day: string;
  /** Where Astro writes the site (a staging folder: `capsule build` moves it into place). */
  outDir: string;
  /** Astro's cache for this build only, so nothing crosses between audiences. */
  cacheDir: string;
  /** The site's public URL, with its base path (`https://example.org/archive/`). */
  siteUrl: string;
  /** Where the loader writes its validation report (JSON) for `capsule build` to print. */
  reportFile: string;
}

const VARIABLES = {
  root: 'CAPSULE_SITE_ROOT',
  audience: 'CAPSULE_SITE_AUDIENCE',
  day: 'CAPSULE_SITE_DAY',
  outDir: 'CAPSULE_SITE_OUT',
  cacheDir: 'CAPSULE_SITE_CACHE',
  siteUrl: 'CAPSULE_SITE_URL',
  reportFile: 'CAPSULE_SITE_REPORT',
} as const satisfies { [key in keyof SiteBuildSettings]: string };

export class SiteSettingsError extends Error {}

export function settingsToEnv(settings: SiteBuildSettings): { [name: string]: string } {
  const env: { [name: string]: string } = {};
  for (const [key, name] of Object.entries(VARIABLES))
    env[name] = settings[key as keyof SiteBuildSettings];
  return env;
}

export function settingsFromEnv(env: { [name: string]: string | undefined }): SiteBuildSettings {
  const missing = Object.values(VARIABLES).filter((name) => !env[name]);
  if (missing.length > 0)
    throw new SiteSettingsError(
      `The site is built by \`npx capsule build --audience public|internal\`, which decides who the build is for; ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set. Do not run \`astro build\` directly.`,
    );
  const read = (key: keyof SiteBuildSettings) => env[VARIABLES[key]] as string;
  const audience = read('audience');
  if (!(AUDIENCES as readonly string[]).includes(audience))
    throw new SiteSettingsError(
      `${VARIABLES.audience} must be one of ${AUDIENCES.join(', ')}, not "${audience}".`,
    );
  const day = read('day');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day))
    throw new SiteSettingsError(`${VARIABLES.day} must be a date (YYYY-MM-DD), not "${day}".`);
  return {
    root: read('root'),
    audience: audience as Audience,
    day,
    outDir: read('outDir'),
    cacheDir: read('cacheDir'),
    siteUrl: read('siteUrl'),
    reportFile: read('reportFile'),
  };
}

/** Astro's `site` and `base` for a site URL: the base is the URL's path, always ending in `/`. */
export function astroSiteAndBase(siteUrl: string): { site: string; base: string } {
  const url = new URL(siteUrl);
  const base = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return { site: `${url.origin}${base}`, base };
}

/**
 * The URL an audience's site is served from: `site_url` for the public, `internal_site_url`
 * (falling back to `site_url`) for the collaboration. Read from content/archive.yaml's parsed data.
 */
export function siteUrlFor(archiveConfig: unknown, audience: Audience): string {
  const data = isMap(archiveConfig) ? archiveConfig : {};
  const url =
    (audience === 'internal' ? text(data, 'internal_site_url') : undefined) ??
    text(data, 'site_url') ??
    'http://localhost/';
  return url.endsWith('/') ? url : `${url}/`;
}
