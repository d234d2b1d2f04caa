import { describe, expect, it } from 'vitest';
import {
  SiteSettingsError,
  astroSiteAndBase,
  settingsFromEnv,
  settingsToEnv,
  siteUrlFor,
} from '../../../scripts/lib/site/settings.ts';
import type { SiteBuildSettings } from '../../../scripts/lib/site/settings.ts';

const settings: SiteBuildSettings = {
  root: '/archive',
  audience: 'internal',
  day: '2026-11-22',
  outDir: '/out',
  cacheDir: '/cache',
  siteUrl: 'https://example.org/archive/',
  reportFile: '/report.json',
};

describe('site build settings', () => {
  it('cross into the Astro process through the environment and back', () => {
    expect(settingsFromEnv(settingsToEnv(settings))).toEqual(settings);
  });

  it('refuse a build that did not come from capsule build', () => {
    expect(() => settingsFromEnv({})).toThrow(SiteSettingsError);
    expect(() => settingsFromEnv({})).toThrow(/npx capsule build/);
    expect(() =>
      settingsFromEnv({ ...settingsToEnv(settings), CAPSULE_SITE_AUDIENCE: 'restricted' }),
    ).toThrow(/public, internal/);
  });

  it('take the site URL and base path from archive.yaml, per audience', () => {
    const config = {
      site_url: 'https://example.org/archive',
      internal_site_url: 'https://internal.example.org/',
    };
    expect(siteUrlFor(config, 'public')).toBe('https://example.org/archive/');
    expect(siteUrlFor(config, 'internal')).toBe('https://internal.example.org/');
    expect(siteUrlFor({ site_url: 'https://a.org/' }, 'internal')).toBe('https://a.org/');
    expect(astroSiteAndBase('https://example.org/archive/')).toEqual({
      site: 'https://example.org/archive/',
      base: '/archive/',
    });
    expect(astroSiteAndBase('https://example.org')).toEqual({
      site: 'https://example.org/',
      base: '/',
    });
  });
});
