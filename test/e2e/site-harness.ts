import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright';
import { buildSite } from '../../scripts/lib/site/build-site.ts';
import type { BuildResult } from '../../scripts/lib/site/build-site.ts';
import type { Audience } from '../../scripts/lib/records/access.ts';
import { startStaticServer } from '../../scripts/lib/site/static-server.ts';
import type { StaticServer } from '../../scripts/lib/site/static-server.ts';
import { launchChromium } from '../helpers/browser.ts';
import { REPO_ROOT } from '../helpers/repo.ts';

/**
 * A built site under test: `capsule build`'s library call into a temporary folder, served on
 * 127.0.0.1 port 0, with Chromium. One per test file (builds are slow on two cores).
 */
export interface BuiltSite {
  result: Extract<BuildResult, { ok: true }>;
  dir: string;
  server: StaticServer;
  url(path?: string): string;
  close(): Promise<void>;
}

export const TEST_DAY = '2026-11-22';

export async function buildAndServe(options: {
  root: string;
  audience: Audience;
  now?: string;
}): Promise<BuiltSite> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'capsule-e2e-'));
  const dir = path.join(scratch, options.audience);
  const result = await buildSite({
    root: options.root,
    audience: options.audience,
    outDir: dir,
    env: { ...process.env, CAPSULE_NOW: options.now ?? TEST_DAY },
  });
  if (!result.ok) {
    await rm(scratch, { recursive: true, force: true });
    throw new Error(
      `The ${options.audience} build failed: ${JSON.stringify(result).slice(0, 2000)}`,
    );
  }
  const server = await startStaticServer({ dir });
  return {
    result,
    dir,
    server,
    url: (relative = '') => new URL(relative.replace(/^\//, ''), server.url).href,
    async close() {
      await server.close();
      await rm(scratch, { recursive: true, force: true });
    },
  };
}

export async function openBrowser(): Promise<Browser> {
  return launchChromium();
}

/** A page that records console errors, failed requests, uncaught errors and dialogs. */
export interface WatchedPage {
  page: Page;
  problems: string[];
  dialogs: string[];
}

export async function watchedPage(
  browser: Browser,
  options: {
    width?: number;
    height?: number;
    colorScheme?: 'light' | 'dark';
    javaScript?: boolean;
  } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    colorScheme: options.colorScheme ?? 'light',
    javaScriptEnabled: options.javaScript ?? true,
  });
  const page = await context.newPage();
  const watched: WatchedPage = { page, problems: [], dialogs: [] };
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      watched.problems.push(`console.${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => watched.problems.push(`uncaught: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) watched.problems.push(`${response.status()} ${response.url()}`);
  });
  page.on('dialog', async (dialog) => {
    watched.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  return watched;
}

/** axe-core violations that are serious or critical, as readable lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join('; ')})`,
    );
}

/** Screenshots go to test-results/screenshots (gitignored) for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.join(REPO_ROOT, 'test-results/screenshots');
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** Waits for the search page to show the results of what was asked last. */
export async function searchResults(page: Page): Promise<string[]> {
  await page.waitForFunction(() => document.getElementById('results')?.dataset.state === 'ready');
  return page.$$eval('#results h2 a', (links) =>
    links.map((link) => link.getAttribute('href') ?? ''),
  );
}
