import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright';
import { REPO_ROOT } from '../helpers/repo.ts';
import {
  buildAndServe,
  openBrowser,
  screenshot,
  seriousViolations,
  watchedPage,
} from './site-harness.ts';
import type { BuiltSite } from './site-harness.ts';

/**
 * A record's HEPData results on the public site, in Chromium: every table plotted as an
 * accessible SVG, listed as an HTML table, and downloadable as CSV, as the YAML that was
 * submitted and as SVG — downloads that return the files.
 */
const RECORD = 'atlas/higgs-diphoton-36fb';
const HEPDATA = path.join(REPO_ROOT, 'content', RECORD, 'hepdata');
const TABLES = ['Fiducial cross sections', 'dsigma/dpT(yy)', 'sigma vs N(jets)'];

let site: BuiltSite;
let browser: Browser;

beforeAll(async () => {
  browser = await openBrowser();
  site = await buildAndServe({ root: REPO_ROOT, audience: 'public' });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('a record with HEPData tables', () => {
  it('plots every table as a labelled image and lists its values', async () => {
    const { page, problems } = await watchedPage(browser);
    await page.goto(site.url(`records/${RECORD}/`));
    const tables = page.locator('#results .results-table');
    expect(await tables.locator('h4').allTextContents()).toEqual([
      'Fiducial cross sections · Demo summary',
      'dsigma/dpT(yy) · Demo differential distribution',
      'sigma vs N(jets) · Demo jet multiplicity',
    ]);
    for (const [index, name] of TABLES.entries()) {
      const table = tables.nth(index);
      const plot = table.getByRole('img', { name, exact: false });
      await expect.poll(() => plot.count()).toBe(1);
      const box = await plot.boundingBox();
      expect(box?.width).toBeGreaterThan(400);
      expect(await table.locator('svg circle, svg rect, svg path').count()).toBeGreaterThan(3);
    }
    // The differential distribution spans three decades: its y axis is logarithmic.
    expect(await tables.nth(1).locator('svg').textContent()).toMatch(/0\.01.*0\.1.*1.*10/s);
    const njets = tables.nth(2).locator('table');
    expect(await njets.locator('thead th').allTextContents()).toEqual([
      'N(jets)',
      'SIG [FB]Jet PT = > 30 GEV; SQRT(S) = 13000 GEV',
    ]);
    expect(await njets.locator('tbody tr').first().innerText()).toMatch(
      /^0\s+30 ±7 \(stat\) ±2\.4 \(sys\)$/,
    );
    expect(problems).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('offers downloads that return the files: CSV, the YAML as submitted, SVG', async () => {
    const { page } = await watchedPage(browser);
    await page.goto(site.url(`records/${RECORD}/`));
    const links = await page.$$eval('#results .results-table a[download]', (anchors) =>
      anchors.map((anchor) => ({
        text: anchor.textContent?.trim(),
        href: (anchor as HTMLAnchorElement).href,
      })),
    );
    expect(links.map((link) => link.text)).toEqual(
      TABLES.flatMap(() => ['SVG', 'CSV', 'YAML as submitted']),
    );
    for (const [index, dataFile] of [
      'fiducial_xsec.yaml',
      'dsig_dpt_yy.yaml',
      'sig_njets.yaml',
    ].entries()) {
      const [svg, csv, yaml] = links.slice(index * 3, index * 3 + 3);
      const yamlResponse = await fetch(yaml!.href);
      expect(yamlResponse.status).toBe(200);
      expect(Buffer.from(await yamlResponse.arrayBuffer())).toEqual(
        readFileSync(path.join(HEPDATA, dataFile)),
      );
      const csvResponse = await fetch(csv!.href);
      expect(csvResponse.status).toBe(200);
      expect(csvResponse.headers.get('content-type')).toMatch(/^text\/csv/);
      const csvText = await csvResponse.text();
      expect(csvText.split('\r\n')[0]).toBe(`#: name: ${TABLES[index]}`);
      const svgResponse = await fetch(svg!.href);
      expect(svgResponse.headers.get('content-type')).toBe('image/svg+xml');
      expect(await svgResponse.text()).toContain(`>${TABLES[index]}</title>`);
    }
    const record = (await (await fetch(site.url(`api/records/${RECORD}.json`))).json()) as {
      results: Array<{ name: string; csv: string }>;
    };
    expect(record.results.map((table) => table.name)).toEqual(TABLES);
    // The document's URLs are absolute on the archive's site: the same path here serves the file.
    const csvUrl = new URL(record.results[0]!.csv);
    expect(csvUrl.pathname).toBe(`/api/records/${RECORD}/hepdata/fiducial_xsec.csv`);
    expect((await fetch(site.url(csvUrl.pathname))).status).toBe(200);
  });

  it('shows the workflow with the reana-client commands to run it again', async () => {
    const { page } = await watchedPage(browser, { javaScript: false });
    await page.goto(site.url('records/cms/higgs-4l-opendata/'));
    const rerun = await page.locator('#workflow pre[aria-labelledby="workflow-rerun"]').innerText();
    expect(rerun.split('\n')).toEqual([
      'cd content/cms/higgs-4l-opendata',
      'export REANA_SERVER_URL=https://reana.cern.ch',
      'export REANA_ACCESS_TOKEN=<your access token>',
      'reana-client validate',
      'reana-client run -w higgs-4l-opendata',
      'reana-client status -w higgs-4l-opendata',
      'reana-client download -w higgs-4l-opendata mass4l_combined_user.pdf',
    ]);
  });

  it('reads well at desktop and phone widths, light and dark (test-results/screenshots)', async () => {
    for (const view of [
      { name: 'desktop-light', width: 1280, colorScheme: 'light' as const },
      { name: 'phone-dark', width: 390, colorScheme: 'dark' as const },
    ]) {
      const { page, problems } = await watchedPage(browser, view);
      await page.goto(site.url(`records/${RECORD}/`));
      // A phone scrolls a plot sideways rather than shrinking its text below legibility.
      const plotWidth = await page
        .locator('#results svg[role=img]')
        .first()
        .evaluate((svg) => svg.getBoundingClientRect().width);
      expect(plotWidth).toBeGreaterThanOrEqual(view.width < 500 ? 400 : 600);
      await page.locator('#results').screenshot({
        path: path.join(REPO_ROOT, 'test-results/screenshots', `results-${view.name}.png`),
      });
      await screenshot(page, `record-results-${view.name}`);
      expect(problems).toEqual([]);
    }
  });
});
