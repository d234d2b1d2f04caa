import { readFile, readdir } from 'node:fs/promises';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/repo.ts';
import { runCli } from '../helpers/run-cli.ts';
import { makeArchive } from '../helpers/temp-archive.ts';
import {
  TEST_DAY,
  buildAndServe,
  openBrowser,
  screenshot,
  seriousViolations,
  watchedPage,
} from './site-harness.ts';
import type { BuiltSite, WatchedPage } from './site-harness.ts';

/**
 * The submission form (/submit/) of the sample archive's internal site, in Debian's Chromium:
 * a new CMS analysis from scratch, problems by the fields in CI's words, the draft surviving a
 * reload, every record of the site round-tripped through the form, accessibility and keyboard.
 * One build (internal: it holds every record a site can hold, email addresses included).
 */
let site: BuiltSite;
let browser: Browser;

beforeAll(async () => {
  [site, browser] = await Promise.all([
    buildAndServe({ root: REPO_ROOT, audience: 'internal' }),
    openBrowser(),
  ]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** A fresh browser context (no draft) with the form loaded and its checks ready. */
async function openForm(
  query: string,
  options: { width?: number; height?: number } = {},
): Promise<WatchedPage> {
  const watched = await watchedPage(browser, options);
  await watched.page.clock.setFixedTime(new Date(`${TEST_DAY}T10:00:00`));
  await watched.page.goto(site.url(`submit/${query}`));
  await ready(watched.page);
  return watched;
}

async function ready(page: Page): Promise<void> {
  await page.waitForSelector('#submit-app:not([hidden])');
  await page.waitForFunction(
    () => document.getElementById('submit-app')?.dataset.checks === 'ready',
  );
}

const yaml = (page: Page) => page.locator('#yaml').innerText();
const fieldError = (page: Page, id: string) => page.locator(`#${id}-error`);

describe('a new record', () => {
  it('is filled in from scratch, shows bad identifiers by their fields, and validates once fixed', async () => {
    const { page, problems } = await openForm('?collection=cms');
    expect(await page.locator('#f-experiment').innerText()).toBe('CMS');

    await page.fill('#slug', 'hig-99-001');
    await page.fill('#f-title', 'Search for a new scalar decaying to tau lepton pairs');
    await page.fill(
      '#f-abstract',
      'We search for a new scalar boson decaying to a pair of tau leptons.',
    );
    await page.selectOption('#f-access-level', { label: 'public' });
    await page.fill('#f-people-0-given_name', 'Ada');
    await page.fill('#f-people-0-family_name', 'Lovelace');

    // A bad ORCID check digit: the validator's own message, by the field, tied to it for screen readers.
    await page.fill('#f-people-0-orcid', '0000-0002-1825-0098');
    await page.locator('#f-people-0-orcid').blur();
    await expect
      .poll(() => fieldError(page, 'f-people-0-orcid').innerText())
      .toContain('has a bad check digit (expected 7, found 8)');
    expect(await page.getAttribute('#f-people-0-orcid', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#f-people-0-orcid', 'aria-describedby')).toContain(
      'f-people-0-orcid-error',
    );
    await page.fill('#f-people-0-orcid', '0000-0002-1825-0097');
    await expect.poll(() => fieldError(page, 'f-people-0-orcid').isHidden()).toBe(true);
    expect(await page.getAttribute('#f-people-0-orcid', 'aria-invalid')).toBeNull();

    // Reload half-way: the draft is back as it was.
    const before = await yaml(page);
    await page.reload();
    await ready(page);
    expect(await page.inputValue('#slug')).toBe('hig-99-001');
    expect(await page.inputValue('#f-people-0-orcid')).toBe('0000-0002-1825-0097');
    expect(await yaml(page)).toBe(before);
    expect(await page.locator('#notices').innerText()).toContain('Your draft from');

    // A publication with a prefixed DOI, then fixed.
    await page.click('button[data-pointer="/publications"][data-role=add]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-publications-0-type');
    await page.selectOption('#f-publications-0-type', { label: 'article' });
    await page.fill('#f-publications-0-title', 'A search for new scalars');
    await page.fill('#f-publications-0-doi', 'doi:10.1016/j.physletb.2018.02.004');
    await page.locator('#f-publications-0-doi').blur();
    await expect
      .poll(() => fieldError(page, 'f-publications-0-doi').innerText())
      .toContain('Write the bare DOI: 10.1016/j.physletb.2018.02.004');
    await page.fill('#f-publications-0-doi', '10.1016/j.physletb.2018.02.004');
    await expect.poll(() => fieldError(page, 'f-publications-0-doi').isHidden()).toBe(true);

    // Nested lists: a primary dataset with two triggers, the second moved up.
    await page.click('[data-pointer="/cms"] > summary');
    await page.click('button[data-pointer="/cms/primary_datasets"][data-role=add]');
    await page.fill(
      '#f-cms-primary_datasets-0-name',
      '/SingleMuon/Run2016B-03Feb2017_ver2-v2/MINIAOD',
    );
    await page.fill('#f-cms-primary_datasets-0-run_period', 'Run2016B');
    const addTrigger = 'button[data-pointer="/cms/primary_datasets/0/triggers"][data-role=add]';
    await page.click(addTrigger);
    await page.fill('#f-cms-primary_datasets-0-triggers-0-name', 'HLT_IsoMu24_v*');
    await page.click(addTrigger);
    await page.fill('#f-cms-primary_datasets-0-triggers-1-name', 'HLT_IsoTkMu24_v*');
    await page.selectOption('#f-cms-primary_datasets-0-triggers-1-prescaled', { label: 'No' });
    await page.click('button[data-pointer="/cms/primary_datasets/0/triggers/1"][data-role=up]');
    expect(await page.inputValue('#f-cms-primary_datasets-0-triggers-0-name')).toBe(
      'HLT_IsoTkMu24_v*',
    );

    await expect
      .poll(() => page.locator('#problems-status').innerText())
      .toBe('No problems: the record is ready for a pull request.');
    // The preview follows edits after a short pause: wait for the move to reach it.
    await expect
      .poll(() => yaml(page))
      .toContain(
        [
          'cms:',
          '  primary_datasets:',
          '    - name: /SingleMuon/Run2016B-03Feb2017_ver2-v2/MINIAOD',
          '      run_period: Run2016B',
          '      triggers:',
          '        - name: HLT_IsoTkMu24_v*',
          '          prescaled: false',
          '        - name: HLT_IsoMu24_v*',
        ].join('\n'),
      );
    const record = await yaml(page);
    expect(await page.locator('#file-path').innerText()).toBe('content/cms/hig-99-001/record.yaml');

    // The pull request link carries the path and the very text shown.
    const href = (await page.getAttribute('#pull-request', 'href')) ?? '';
    const link = new URL(href);
    expect(`${link.origin}${link.pathname}`).toBe(
      'https://github.com/capsule-archive/capsule/new/main',
    );
    expect(link.searchParams.get('filename')).toBe('content/cms/hig-99-001/record.yaml');
    expect(link.searchParams.get('value')).toBe(record);

    // `capsule validate` accepts it, in an archive with the real CMS collection.
    const archive = await makeArchive({
      'content/cms/collection.yaml': await readFile(
        path.join(REPO_ROOT, 'content/cms/collection.yaml'),
        'utf8',
      ),
      'content/cms/hig-99-001/record.yaml': record,
    });
    try {
      const validation = await runCli(['validate'], { cwd: archive.root });
      expect(validation.stdout + validation.stderr).toContain('all valid');
      expect(validation.code).toBe(0);
      const formatted = await runCli(['fmt', '--check'], { cwd: archive.root });
      expect(formatted.code).toBe(0);
    } finally {
      await archive.cleanup();
    }
    expect(problems).toEqual([]);
  });

  it('asks before clearing the draft, and keeps it when told to', async () => {
    const { page } = await openForm('?collection=general');
    await page.fill('#f-title', 'A draft to keep');
    await page.click('#clear');
    expect(await page.locator('#confirm-clear').getAttribute('open')).not.toBeNull();
    await page.click('#confirm-clear button[value=keep]');
    expect(await page.inputValue('#f-title')).toBe('A draft to keep');
    await page.click('#clear');
    await page.click('#confirm-clear button[value=clear]');
    await expect.poll(() => page.inputValue('#f-title')).toBe('');
    await page.reload();
    await ready(page);
    expect(await page.inputValue('#f-title')).toBe('');
  });

  it('fills in a person the archive knows, with their ORCID iD and affiliations', async () => {
    const { page } = await openForm('?collection=general');
    const person = JSON.parse(
      await (await fetch(site.url('submit/form.json'))).text(),
    ).suggestions.people.find((known: { orcid?: string }) => known.orcid);
    await page.fill('#f-people-0-family_name', person.family_name);
    await page.focus('#f-people-0-given_name');
    await expect.poll(() => page.inputValue('#f-people-0-orcid')).toBe(person.orcid);
    await expect
      .poll(() => page.locator('#announcer').innerText())
      .toMatch(/^Filled in the .*ORCID iD/);
    // The focus stays where the user went, not on the field that triggered the filling.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-people-0-given_name');
  });

  it("fills in a preserved file's size and SHA-256 from a file read in the browser", async () => {
    const { page } = await openForm('?collection=general');
    await page.click('button[data-pointer="/files"][data-role=add]');
    const content = 'void fit() {}\n';
    await page.setInputFiles('#f-files-0-file', {
      name: 'fit.C',
      mimeType: 'text/x-c',
      buffer: Buffer.from(content),
    });
    const { createHash } = await import('node:crypto');
    await expect
      .poll(() => page.inputValue('#f-files-0-sha256'))
      .toBe(createHash('sha256').update(content).digest('hex'));
    expect(await page.inputValue('#f-files-0-size')).toBe(String(Buffer.byteLength(content)));
    expect(await page.inputValue('#f-files-0-path')).toBe('files/fit.C');
    expect(await page.inputValue('#f-files-0-media_type')).toBe('text/x-c');
  });
});

describe('editing a record', () => {
  it('opens from the record page with the record loaded, and edits its file on the forge', async () => {
    const { page, problems } = await watchedPage(browser);
    await page.goto(site.url('records/cms/higgs-tautau-2016/'));
    await page.click('a:text("Edit in form")');
    await ready(page);
    expect(new URL(page.url()).search).toBe('?edit=cms/higgs-tautau-2016');
    expect(await page.inputValue('#f-cms-cadi_id')).toBe('HIG-16-043');
    expect(await page.getAttribute('#pull-request', 'href')).toBe(
      'https://github.com/capsule-archive/capsule/edit/main/content/cms/higgs-tautau-2016/record.yaml',
    );
    expect(await page.locator('#output-help').innerText()).toContain('Nothing is changed yet.');
    await page.fill('#f-version', '3');
    await expect.poll(() => yaml(page)).toContain("version: '3'\n");
    expect(await page.locator('#output-help').innerText()).not.toContain('Nothing is changed yet.');
    expect(problems).toEqual([]);
  });

  it('gives back every record of the site unchanged (after `capsule fmt`)', async () => {
    const index = JSON.parse(await (await fetch(site.url('api/records.json'))).text()) as {
      records: Array<{ id: string }>;
    };
    const ids = index.records.map((record) => record.id);
    expect(ids.length).toBe(18);
    const exported = new Map<string, string>();
    const { page, problems } = await watchedPage(browser);
    for (const id of ids) {
      await page.goto(site.url(`submit/?edit=${id}`));
      await ready(page);
      const source = await page.locator('#file-path').innerText();
      exported.set(source, await yaml(page));
    }
    expect(problems).toEqual([]);

    // The exported files, formatted by the real `capsule fmt`, equal the archive's (canonical) files.
    const files: { [file: string]: string } = {};
    for (const entry of await readdir(path.join(REPO_ROOT, 'content'))) {
      const collection = `content/${entry}/collection.yaml`;
      files[collection] = await readFile(path.join(REPO_ROOT, collection), 'utf8').catch(() => '');
    }
    for (const [source, text] of exported) files[source] = text;
    const archive = await makeArchive(
      Object.fromEntries(Object.entries(files).filter(([, text]) => text !== '')),
    );
    try {
      expect((await runCli(['fmt', 'content'], { cwd: archive.root })).code).toBe(0);
      for (const source of exported.keys()) {
        const original = await readFile(path.join(REPO_ROOT, source), 'utf8');
        expect(await readFile(path.join(archive.root, source), 'utf8'), source).toBe(original);
        expect(exported.get(source), `${source} needed no formatting`).toBe(original);
      }
    } finally {
      await archive.cleanup();
    }
  });
});

describe('accessibility', () => {
  it('has no serious or critical axe violations, with problems shown', async () => {
    const { page } = await openForm('?collection=cms');
    await page.fill('#f-people-0-orcid', '0000-0002-1825-0098');
    await page.click('button[data-pointer="/keywords"][data-role=add]');
    await page.click('#check');
    await expect.poll(() => fieldError(page, 'f-title').isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('is filled in and a list item added with the keyboard alone', async () => {
    const { page } = await openForm('?collection=general');
    /** Presses Tab until the element matching `selector` has the focus. */
    const tabTo = async (selector: string) => {
      for (let presses = 0; presses < 400; presses++) {
        if (await page.evaluate((wanted) => document.activeElement?.matches(wanted), selector))
          return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    await tabTo('#f-title');
    await page.keyboard.type('Typed without a mouse');
    await tabTo('button[data-pointer="/keywords"][data-role=add]');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-keywords-0');
    await page.keyboard.type('keyboard');
    await expect.poll(() => yaml(page)).toContain('keywords:\n  - keyboard\n');
    expect(await yaml(page)).toContain('title: Typed without a mouse\n');
    await expect.poll(() => page.locator('#announcer').innerText()).toBe('Keyword 1 added.');
  });

  it('says the form needs JavaScript when it is off, and the rest of the site still works', async () => {
    const { page } = await watchedPage(browser, { javaScript: false });
    await page.goto(site.url('submit/'));
    expect(await page.locator('noscript').count()).toBe(1);
    expect(await page.content()).toContain('The form needs JavaScript');
    expect(await page.locator('#submit-app').isHidden()).toBe(true);
    await page.goto(site.url('records/cms/higgs-tautau-2016/'));
    expect(await page.locator('a:text("Edit in form")').count()).toBe(1);
    expect(await page.locator('h1').innerText()).toContain('τ leptons');
  });
});

describe('screenshots (test-results/screenshots)', () => {
  it('takes the form at desktop and phone widths', async () => {
    for (const view of [
      { name: 'desktop', width: 1280, height: 900 },
      { name: 'phone', width: 390, height: 844 },
    ]) {
      const { page, problems } = await openForm('?collection=cms', view);
      await page.fill('#f-people-0-orcid', '0000-0002-1825-0098');
      await page.locator('#f-people-0-orcid').blur();
      await expect.poll(() => fieldError(page, 'f-people-0-orcid').isVisible()).toBe(true);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, view.name).toBeLessThanOrEqual(0);
      await screenshot(page, `submit-${view.name}`);
      expect(problems).toEqual([]);
    }
  });
});
