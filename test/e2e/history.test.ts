import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright';
import { listFiles } from '../../scripts/lib/site/scan/scan-output.ts';
import { ADA, EMMY, GRACE, makeGitArchive } from '../helpers/git-repo.ts';
import type { GitArchive } from '../helpers/git-repo.ts';
import { recordYaml } from '../helpers/temp-archive.ts';
import {
  buildAndServe,
  openBrowser,
  screenshot,
  seriousViolations,
  watchedPage,
} from './site-harness.ts';
import type { BuiltSite } from './site-harness.ts';

/**
 * Record history pages in Chromium, built from a real temporary git repository with pinned
 * authors and dates: a record created, revised by someone else, then moved into a shard.
 */
let repo: GitArchive;
let publicSite: BuiltSite;
let internalSite: BuiltSite;
let shallowSite: BuiltSite;
let shallowParent: string;
let browser: Browser;
const commits: string[] = [];

const ID = 'general/2024/top-mass';
const HISTORY = `records/${ID}/history/`;
const ABSTRACT_1 =
  'A measurement of the top quark mass in the lepton plus jets channel with the 2016 data.';
const ABSTRACT_2 =
  'A precise measurement of the top quark mass in the dilepton channel with the 2016 data.';
const ada = '\n  - given_name: Ada\n    family_name: Lovelace\n    email: ada@example.org';
const adaAndGrace = `${ada}\n  - given_name: Grace\n    family_name: Hopper\n    email: grace@example.org`;

beforeAll(async () => {
  repo = await makeGitArchive({
    'content/general/top-mass/record.yaml': recordYaml({ abstract: ABSTRACT_1, people: ada }),
    'content/general/w-mass/record.yaml': recordYaml({ title: 'Measurement of the W mass' }),
  });
  commits.push(
    repo.commit('Preserve the top and W mass analyses', ADA, '2024-01-10T09:00:00+01:00'),
  );
  await repo.write(
    'content/general/top-mass/record.yaml',
    recordYaml({
      title: 'Measurement of the top quark mass in the dilepton channel',
      abstract: ABSTRACT_2,
      version: "'2'",
      people: adaAndGrace,
    }),
  );
  commits.push(
    repo.commit(
      'Version 2: the dilepton channel\n\nAfter the conveners’ review.',
      GRACE,
      '2024-02-14T15:30:00+01:00',
    ),
  );
  await repo.remove('content/general/top-mass');
  await repo.write(
    `content/${ID}/record.yaml`,
    recordYaml({
      title: 'Measurement of the top quark mass in the dilepton channel',
      abstract: ABSTRACT_2,
      version: "'2'",
      people: adaAndGrace,
    }),
  );
  commits.push(repo.commit('Move the top mass into the 2024 shard', EMMY, '2024-03-01T11:00:00Z'));
  browser = await openBrowser();
  publicSite = await buildAndServe({ root: repo.root, audience: 'public' });
  internalSite = await buildAndServe({ root: repo.root, audience: 'internal' });
  // CI's default checkout: the last two commits only.
  shallowParent = await mkdtemp(path.join(tmpdir(), 'capsule-e2e-shallow-'));
  const clone = path.join(shallowParent, 'clone');
  const cloned = spawnSync(
    'git',
    ['clone', '--quiet', '--depth', '2', `file://${repo.root}`, clone],
    {
      encoding: 'utf8',
    },
  );
  if (cloned.status !== 0) throw new Error(`git clone failed: ${cloned.stderr}`);
  shallowSite = await buildAndServe({ root: clone, audience: 'public' });
}, 400_000);

afterAll(async () => {
  await browser?.close();
  for (const site of [publicSite, internalSite, shallowSite]) await site?.close();
  await repo?.cleanup();
  if (shallowParent) await rm(shallowParent, { recursive: true, force: true });
});

describe('a record’s history page', () => {
  it('lists its revisions newest first, with authors, dates, messages and kinds', async () => {
    const { page, problems } = await watchedPage(browser);
    await page.goto(publicSite.url(HISTORY));
    expect(await page.textContent('h1')).toBe('Version history');
    const revisions = await page.$$eval('.revision', (articles) =>
      articles.map((article) => ({
        heading: (article.querySelector('h2') as HTMLElement | null)?.innerText
          .replace(/\s+/g, ' ')
          .trim(),
        meta: (article.querySelector('.revision-meta') as HTMLElement | null)?.innerText
          .replace(/\s+/g, ' ')
          .trim(),
        message: article.querySelector('.message')?.textContent?.trim(),
      })),
    );
    expect(revisions).toEqual([
      {
        heading: 'Revision 3 Moved Current',
        meta: `2024-03-01 11:00 · Emmy Noether · commit ${commits[2]?.slice(0, 10)}`,
        message: 'Move the top mass into the 2024 shard',
      },
      {
        heading: 'Revision 2 Changed',
        meta: `2024-02-14 15:30 · Grace Hopper · commit ${commits[1]?.slice(0, 10)}`,
        message: 'Version 2: the dilepton channel',
      },
      {
        heading: 'Revision 1 Created',
        meta: `2024-01-10 09:00 · Ada Lovelace · commit ${commits[0]?.slice(0, 10)}`,
        message: 'Preserve the top and W mass analyses',
      },
    ]);
    expect(await page.textContent('#revision-2 .message-body')).toBe(
      'After the conveners’ review.',
    );
    expect(await page.textContent('#revision-3 .note')).toBe(
      'Moved from general/top-mass to general/2024/top-mass.',
    );
    expect(problems).toEqual([]);
  });

  it('shows each field change by its schema title, before and after', async () => {
    const { page } = await watchedPage(browser);
    await page.goto(publicSite.url(HISTORY));
    const changes = await page.$$eval('#revision-2 .change', (items) =>
      items.map((item) => ({
        head: item.querySelector('.change-head')?.textContent.replace(/\s+/g, ' ').trim(),
        before: (item.querySelector('.before') as HTMLElement | null)?.innerText
          .replace(/\s+/g, ' ')
          .trim(),
        after: (item.querySelector('.after') as HTMLElement | null)?.innerText
          .replace(/\s+/g, ' ')
          .trim(),
      })),
    );
    expect(changes.map((change) => change.head)).toEqual([
      'Changed Title',
      'Changed Abstract',
      'Changed Version',
      'Added People 2 (Grace Hopper)',
    ]);
    expect(changes[2]).toEqual({ head: 'Changed Version', before: 'Before: 1', after: 'After: 2' });
    expect(changes[3]?.after).toBe('Given name Grace Family name Hopper');
    // A rewritten text is one text with its words struck out and inserted.
    expect(changes[0]).toEqual({
      head: 'Changed Title',
      before: 'Before: Measurement of the top quark mass',
      after: 'After: Measurement of the top quark mass in the dilepton channel',
    });
    expect(
      await page.$$eval('#revision-2 .change del', (d) => d.map((e) => e.textContent)),
    ).toEqual(['lepton plus jets']);
    expect(
      await page.$$eval('#revision-2 .change ins', (i) => i.map((e) => e.textContent)),
    ).toEqual(['precise ', 'dilepton']);
  });

  it('links each earlier revision to the record as it was', async () => {
    const { page, problems } = await watchedPage(browser);
    await page.goto(publicSite.url(HISTORY));
    await page.click('#revision-1 .revision-links a');
    expect(new URL(page.url()).pathname).toBe(`/${HISTORY}${commits[0]?.slice(0, 12)}/`);
    expect(await page.textContent('h1')).toBe('Measurement of the top quark mass');
    expect(await page.textContent('.notice.old-version')).toContain(
      'revision 1 of 3, from 2024-01-10',
    );
    const version = await page
      .locator('.field-rows tr', { has: page.locator('th', { hasText: /^Version/ }) })
      .locator('td')
      .textContent();
    expect(version).toBe('1');
    expect(await page.textContent('.field-rows')).toContain(ABSTRACT_1);
    expect(await page.getAttribute('meta[name=robots]', 'content')).toBe('noindex');
    await page.click('a[rel=next]');
    expect(await page.textContent('.notice.old-version')).toContain('revision 2 of 3');
    await page.click('a[rel=next]');
    expect(new URL(page.url()).pathname).toBe(`/records/${ID}/`);
    // The current version has no page of its own: it is the record page.
    expect((await fetch(publicSite.url(`${HISTORY}${commits[2]?.slice(0, 12)}/`))).status).toBe(
      404,
    );
    expect(problems).toEqual([]);
  });

  it('never shows an email address on the public site, and does on the internal one', async () => {
    const history = readFileSync(path.join(publicSite.dir, HISTORY, 'index.html'), 'utf8');
    expect(history).toContain('Grace Hopper');
    for (const file of listFiles(publicSite.dir).filter((name) => name.includes('/history/')))
      expect(readFileSync(path.join(publicSite.dir, file), 'utf8'), file).not.toContain(
        '@example.org',
      );
    const { page } = await watchedPage(browser);
    await page.goto(internalSite.url(HISTORY));
    expect(
      await page.locator('#revision-2 .author a[href="mailto:grace@example.org"]').count(),
    ).toBe(1);
    // The repository is private: the collaboration may follow a commit to the forge, the public not.
    expect(await page.getAttribute('#revision-1 .revision-meta a[href*="/commit/"]', 'href')).toBe(
      `https://github.com/example/archive/commit/${commits[0]}`,
    );
    expect(history).not.toContain('github.com/example/archive/commit');
  });

  it('is not in the search index', () => {
    expect(publicSite.result.searchPages).toBe(2);
  });
});

describe('the record page and the home page', () => {
  it('shows the latest revisions in a Version history section that leads to the history', async () => {
    const { page, problems } = await watchedPage(browser);
    await page.goto(publicSite.url(`records/${ID}/`));
    expect(await page.textContent('#history p')).toBe(
      '3 revisions by Ada Lovelace, Grace Hopper and Emmy Noether, 2024-01-10 to 2024-03-01.',
    );
    expect(
      await page.$$eval('#history .history-brief > li', (items) =>
        items.map((item) => (item as HTMLElement).innerText.replace(/\s+/g, ' ').trim()),
      ),
    ).toEqual([
      'Revision 3 Moved 2024-03-01 · Emmy Noether Move the top mass into the 2024 shard Moved from general/top-mass to general/2024/top-mass.',
      'Revision 2 Changed 2024-02-14 · Grace Hopper Version 2: the dilepton channel Changed: Title, Abstract, Version, People',
      'Revision 1 Created 2024-01-10 · Ada Lovelace Preserve the top and W mass analyses',
    ]);
    expect(await page.getAttribute('.record-toc a[href="#history"]', 'href')).toBe('#history');
    await page.click('.record-head .actions a:text("History")');
    expect(new URL(page.url()).pathname).toBe(`/${HISTORY}`);
    expect(problems).toEqual([]);
  });

  it('lists records by their last commit under “Recently updated”', async () => {
    const { page } = await watchedPage(browser);
    await page.goto(publicSite.url());
    expect(
      await page.$$eval('section[aria-labelledby=updated] .record-list li', (items) =>
        items.map((item) => (item as HTMLElement).innerText.replace(/\s+/g, ' ').trim()),
      ),
    ).toEqual([
      'Measurement of the top quark mass in the dilepton channel CMS · updated 2024-03-01 · Lovelace, Hopper',
      'Measurement of the W mass CMS · updated 2024-01-10 · Lovelace',
    ]);
  });
});

describe('a site built from a shallow clone', () => {
  it('shows the history it has, marks where it stops, and says how to fetch the rest', async () => {
    expect(shallowSite.result.history.status).toBe('shallow');
    expect(shallowSite.result.history.hint).toContain('fetch-depth: 0');
    const { page, problems } = await watchedPage(browser);
    await page.goto(shallowSite.url(`records/${ID}/`));
    expect(await page.textContent('#history .notice')).toMatch(
      /shallow clone[^]*older revisions are not shown[^]*fetch-depth: 0/,
    );
    await page.goto(shallowSite.url(HISTORY));
    expect(await page.textContent('.notice')).toContain('fetch-depth: 0');
    expect(
      await page.$$eval('.revision h2', (headings) =>
        headings.map((heading) => heading.textContent?.replace(/\s+/g, ' ').trim()),
      ),
    ).toEqual(['Revision 2 Moved Current', 'Revision 1 Oldest available']);
    expect(await page.textContent('#revision-1 .note')).toContain(
      'already existed where this shallow clone’s history starts',
    );
    // The oldest revision's date is the clone's edge, not a change: "Recently updated" ignores it.
    await page.goto(shallowSite.url());
    expect(
      await page.$$eval('section[aria-labelledby=updated] .record-list a.title', (links) =>
        links.map((link) => link.textContent?.trim()),
      ),
    ).toEqual(['Measurement of the top quark mass in the dilepton channel']);
    expect(problems).toEqual([]);
  });
});

describe('history pages in the browser', () => {
  it('have no serious accessibility violations, light or dark, and nothing sticks out on a phone', async () => {
    for (const view of [
      { name: 'desktop', width: 1280, height: 900, colorScheme: 'light' as const },
      { name: 'desktop-dark', width: 1280, height: 900, colorScheme: 'dark' as const },
      { name: 'phone', width: 390, height: 844, colorScheme: 'dark' as const },
      { name: 'phone-light', width: 390, height: 844, colorScheme: 'light' as const },
    ]) {
      const { page, problems } = await watchedPage(browser, view);
      for (const [name, url] of [
        ['history', HISTORY],
        ['revision', `${HISTORY}${commits[0]?.slice(0, 12)}/`],
      ] as const) {
        await page.goto(publicSite.url(url), { waitUntil: 'networkidle' });
        expect(await seriousViolations(page), `${name} ${view.name}`).toEqual([]);
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
