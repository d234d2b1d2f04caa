import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright';
import { EXPORT_FORMATS } from '../../scripts/lib/site/exports.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { parseXml } from '../helpers/xml.ts';
import {
  buildAndServe,
  openBrowser,
  screenshot,
  searchResults,
  seriousViolations,
  watchedPage,
} from './site-harness.ts';
import type { BuiltSite } from './site-harness.ts';

/**
 * The public site of the sample archive in content/, in Debian's Chromium: search, facets,
 * record pages, accessibility, keyboard, no-JavaScript reading, phone and desktop widths.
 */
let site: BuiltSite;
let browser: Browser;

beforeAll(async () => {
  [site, browser] = await Promise.all([
    buildAndServe({ root: REPO_ROOT, audience: 'public' }),
    openBrowser(),
  ]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const RICH_RECORD = 'records/cms/higgs-tautau-2016/';

describe('search', () => {
  it('finds a record by a word of its title', async () => {
    const { page, problems } = await watchedPage(browser);
    await page.goto(site.url('search/?q=diphoton'));
    expect(await searchResults(page)).toContain('/records/atlas/higgs-diphoton-36fb/');
    expect(problems).toEqual([]);
  });

  it('finds exactly the record that carries a DOI, an arXiv id or a CADI line', async () => {
    const { page } = await watchedPage(browser);
    for (const identifier of ['10.1016/j.physletb.2018.02.004', 'arXiv:1708.00373', 'HIG-16-043']) {
      await page.goto(site.url(`search/?q=${encodeURIComponent(identifier)}`));
      expect(await searchResults(page), identifier).toEqual(['/records/cms/higgs-tautau-2016/']);
    }
  });

  it('says so when no record has an identifier, instead of matching its pieces', async () => {
    const { page } = await watchedPage(browser);
    await page.goto(site.url(`search/?q=${encodeURIComponent('10.1016/j.physletb.2099.99.999')}`));
    expect(await searchResults(page)).toEqual([]);
    expect(await page.textContent('#search-status')).toContain('No record has the identifier');
    // …and offers the word search, on request.
    await page.evaluate(() => {
      (document.getElementById('results') as HTMLElement).dataset.state = 'stale';
    });
    await page.click('#search-status button');
    await searchResults(page);
    expect(await page.textContent('#search-status')).toMatch(
      /^(\d+ records? for|No records match)/,
    );
  });

  it('filters by experiment, and keeps the filter in the address', async () => {
    const { page, problems } = await watchedPage(browser);
    await page.goto(site.url('search/'));
    await page.waitForFunction(() => document.getElementById('search-status')?.textContent !== '');
    await page.check('input[name=experiment][value=ALICE]');
    const found = await searchResults(page);
    expect(found.length).toBe(3);
    expect(found.every((href) => href.startsWith('/records/alice/'))).toBe(true);
    expect(new URL(page.url()).searchParams.getAll('experiment')).toEqual(['ALICE']);
    expect(problems).toEqual([]);
  });

  it('sorts by date', async () => {
    const { page } = await watchedPage(browser);
    await page.goto(site.url('search/?q=higgs&sort=newest'));
    await searchResults(page);
    const dates = await page.$$eval('#results .meta', (metas) =>
      metas.map((meta) => /created (\d{4}-\d{2}-\d{2})/.exec(meta.textContent ?? '')?.[1] ?? ''),
    );
    expect(dates.length).toBeGreaterThan(2);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('reaches the results from the search box with the keyboard alone', async () => {
    const { page } = await watchedPage(browser);
    await page.goto(site.url('search/'));
    await page.focus('#q');
    await page.keyboard.type('higgs');
    await page.keyboard.press('Enter');
    await searchResults(page);
    let reached = '';
    for (let press = 0; press < 80 && !reached; press++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() =>
        document.activeElement?.closest('#results')
          ? (document.activeElement.getAttribute('href') ?? '')
          : '',
      );
    }
    expect(reached).toMatch(/^\/records\//);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/records\//);
  });
});

describe('pages', () => {
  it('renders every record page without a console error, failed request or script error', async () => {
    const { page, problems } = await watchedPage(browser);
    const records = JSON.parse(await (await fetch(site.url('api/records.json'))).text()) as {
      records: Array<{ id: string; url: string }>;
    };
    expect(records.records.length).toBe(16);
    for (const record of records.records) {
      await page.goto(site.url(`records/${record.id}/`), { waitUntil: 'networkidle' });
      expect(await page.textContent('h1'), record.id).toBeTruthy();
    }
    expect(problems).toEqual([]);
  });

  it('has no serious or critical accessibility violations on the home, search, collection and record pages', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await watchedPage(browser, { colorScheme });
      for (const path of ['', 'search/?q=higgs', 'collections/cms/', RICH_RECORD]) {
        await page.goto(site.url(path), { waitUntil: 'networkidle' });
        if (path.startsWith('search')) await searchResults(page);
        expect(await seriousViolations(page), `${path || 'home'} (${colorScheme})`).toEqual([]);
      }
    }
  });

  it('is readable without JavaScript', async () => {
    const { page } = await watchedPage(browser, { javaScript: false });
    await page.goto(site.url(RICH_RECORD));
    expect(await page.textContent('h1')).toContain('Higgs boson decay to a pair of τ leptons');
    expect(await page.locator('#people li').count()).toBe(5);
    expect(await page.locator('.gallery img').count()).toBe(2);
    await page.goto(site.url('collections/cms/title/'));
    const titles = await page.$$eval('table tbody tr td:first-child a', (links) =>
      links.map((link) => link.textContent ?? ''),
    );
    expect(titles.length).toBe(4);
    expect([...titles].sort((a, b) => a.localeCompare(b, 'en'))).toEqual(titles);
  });

  it('shows the parts of a rich record', async () => {
    const { page } = await watchedPage(browser);
    await page.goto(site.url(RICH_RECORD));
    // People with ORCID or ROR links, code pinned to a commit, the workflow's steps, results tables.
    expect(await page.locator('#people a[href^="https://ror.org/"]').count()).toBeGreaterThan(0);
    expect(await page.locator('#code a[href*="/-/commit/"]').count()).toBe(1);
    expect(await page.locator('#workflow .steps > li').count()).toBe(3);
    expect(await page.locator('#results table').count()).toBe(3);
    expect(await page.locator('#files a[download]').count()).toBe(5);
    expect(await page.textContent('#cite pre')).toMatch(/^@misc\{Okafor2018higgstautau2016,/);
    // Every field of the record, labelled by its schema.
    expect(await page.locator('#metadata .field-rows th', { hasText: 'CADI line' }).count()).toBe(
      1,
    );
    const jsonLd = JSON.parse(
      (await page.textContent('script[type="application/ld+json"]')) ?? '{}',
    );
    expect(jsonLd['@type']).toBe('Dataset');
    expect(jsonLd.name).toBe(await page.textContent('h1'));
    // The public site never shows people's email addresses.
    expect(await page.content()).not.toContain('@example.org');
  });

  it('serves the JSON API, its OpenAPI description, the sitemap, the feed and robots.txt', async () => {
    const get = async (path: string) => {
      const response = await fetch(site.url(path));
      expect(response.status, path).toBe(200);
      return response.text();
    };
    const openapi = JSON.parse(await get('api/openapi.json'));
    expect(openapi.openapi).toBe('3.1.0');
    const record = JSON.parse(await get('api/records/cms/higgs-tautau-2016.json'));
    expect(record.metadata.cms.cadi_id).toBe('HIG-16-043');
    expect(record.files.find((file: { path: string }) => file.path.endsWith('.svg')).url).toMatch(
      /^https:\/\//,
    );
    const schema = JSON.parse(await get('api/schemas/cms-analysis/1.0.0.json'));
    expect(schema.$id).toMatch(/cms-analysis\/1\.0\.0\.json$/);
    const collections = JSON.parse(await get('api/collections.json'));
    expect(collections.map((collection: { name: string }) => collection.name)).toContain('cms');
    expect(await get('sitemap.xml')).toContain(
      '<loc>https://capsule-demo.example.org/records/cms/higgs-tautau-2016/</loc>',
    );
    expect(await get('feed.xml')).toMatch(
      /^<\?xml[^]*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/,
    );
    expect(await get('robots.txt')).toContain(
      'Sitemap: https://capsule-demo.example.org/sitemap.xml',
    );
    const missing = await fetch(site.url('no/such/page/'));
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Page not found');
  });

  it('downloads preserved files with the checksum the record lists', async () => {
    const record = JSON.parse(
      await (await fetch(site.url('api/records/cms/higgs-tautau-2016.json'))).text(),
    );
    const { createHash } = await import('node:crypto');
    for (const file of record.files as Array<{ url: string; sha256: string }>) {
      const bytes = new Uint8Array(
        await (
          await fetch(file.url.replace('https://capsule-demo.example.org/', site.url()))
        ).arrayBuffer(),
      );
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
    }
  });
});

describe('record exports and OAI-PMH', () => {
  it('offers every export as a download link (without JavaScript) that returns the file', async () => {
    const { page, problems } = await watchedPage(browser, { javaScript: false });
    await page.goto(site.url(RICH_RECORD));
    expect(await page.locator('.record-head a[href="#export"]').count()).toBe(1);
    const links = await page.$$eval('#export a[download]', (anchors) =>
      anchors.map((a) => ({
        href: (a as HTMLAnchorElement).href,
        type: a.getAttribute('type') ?? '',
        download: a.getAttribute('download') ?? '',
        text: a.textContent?.trim() ?? '',
      })),
    );
    expect(links.map((link) => link.text)).toEqual(EXPORT_FORMATS.map((format) => format.label));
    for (const link of links) {
      const response = await fetch(link.href);
      expect(response.status, link.href).toBe(200);
      expect(response.headers.get('content-type'), link.href).toMatch(
        new RegExp(`^${link.type.replace(/[+.]/g, '\\$&')}(;|$)`),
      );
      const bytes = Buffer.from(await response.arrayBuffer());
      const file = path.join(site.dir, new URL(link.href).pathname);
      expect(bytes.equals(readFileSync(file)), link.href).toBe(true);
    }
    expect(links.find((link) => link.type === 'application/zip')?.download).toBe(
      'cms-higgs-tautau-2016-bagit.zip',
    );
    expect(problems).toEqual([]);
  });

  it('explains the OAI-PMH files on the API page, and serves them as XML', async () => {
    const { page, problems } = await watchedPage(browser);
    await page.goto(site.url('api/'));
    expect(await page.textContent('#oai-pmh + p')).toContain('OAI-PMH 2.0');
    const hrefs = await page.$$eval('a[href*="/oai/"]', (anchors) =>
      anchors.map((a) => (a as HTMLAnchorElement).href),
    );
    expect(hrefs.length).toBe(4);
    for (const href of hrefs) {
      const response = await fetch(href);
      expect(response.status, href).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
      parseXml(await response.text());
    }
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('screenshots the export part of a record page at desktop and phone widths', async () => {
    for (const view of [
      { name: 'desktop', width: 1280, height: 900, colorScheme: 'light' as const },
      { name: 'phone', width: 390, height: 844, colorScheme: 'dark' as const },
    ]) {
      const { page } = await watchedPage(browser, view);
      await page.goto(site.url(RICH_RECORD), { waitUntil: 'networkidle' });
      const dir = path.join(REPO_ROOT, 'test-results/screenshots');
      await mkdir(dir, { recursive: true });
      await page
        .locator('#export')
        .screenshot({ path: path.join(dir, `record-export-${view.name}.png`) });
    }
  });
});

describe('screenshots (test-results/screenshots)', () => {
  it('takes the home, search, collection and a rich record page at desktop and phone widths', async () => {
    const views = [
      { name: 'desktop', width: 1280, height: 900, colorScheme: 'light' as const },
      { name: 'phone', width: 390, height: 844, colorScheme: 'dark' as const },
    ];
    for (const view of views) {
      const { page, problems } = await watchedPage(browser, view);
      for (const [name, path] of [
        ['home', ''],
        ['search', 'search/?q=higgs'],
        ['collection', 'collections/atlas/'],
        ['record', RICH_RECORD],
      ] as const) {
        await page.goto(site.url(path), { waitUntil: 'networkidle' });
        if (name === 'search') await searchResults(page);
        // Nothing may stick out sideways on a phone.
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        expect(overflow, `${name} on ${view.name}`).toBeLessThanOrEqual(0);
        await screenshot(page, `${name}-${view.name}`);
      }
      expect(problems).toEqual([]);
    }
  });
});
