import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright';
import { OAI_PMH_NS } from '../../scripts/lib/export/oai.ts';
import { looksLikeZip, unzipArchive } from '../../scripts/lib/export/zip.ts';
import { listFiles } from '../../scripts/lib/site/scan/scan-output.ts';
import type { GitArchive } from '../helpers/git-repo.ts';
import {
  BECAME_PUBLIC,
  CANARIES,
  EMBARGO_UNTIL,
  HOSTILE_ID,
  HOSTILE_TITLE,
  accessArchive,
} from './access-archive.ts';
import { buildAndServe, openBrowser, searchResults, watchedPage } from './site-harness.ts';
import type { BuiltSite } from './site-harness.ts';
import { parseXml } from '../helpers/xml.ts';

/**
 * Who sees what, end to end: canaries in collaboration, restricted and embargoed records
 * (titles, abstracts, README, file names) against the public and internal builds, the embargo
 * lifting when CAPSULE_NOW passes it, a record whose git history holds a collaboration-only past,
 * and a hostile record rendered as inert text.
 */
let archive: GitArchive;
let publicSite: BuiltSite;
let internalSite: BuiltSite;
let liftedSite: BuiltSite;
let browser: Browser;

beforeAll(async () => {
  archive = await accessArchive();
  browser = await openBrowser();
  // One at a time: each build uses both cores.
  publicSite = await buildAndServe({ root: archive.root, audience: 'public' });
  internalSite = await buildAndServe({ root: archive.root, audience: 'internal' });
  liftedSite = await buildAndServe({ root: archive.root, audience: 'public', now: '2027-02-01' });
}, 400_000);

afterAll(async () => {
  await browser?.close();
  for (const site of [publicSite, internalSite, liftedSite]) await site?.close();
  await archive?.cleanup();
});

/**
 * Every file of a built site, gzip-compressed ones (Pagefind's) decompressed and ZIP archives
 * (the BagIt downloads) unpacked, entry names and contents, as lowercase text.
 */
function siteText(dir: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const file of listFiles(dir)) {
    const bytes = readFileSync(path.join(dir, file));
    let text = bytes.toString('latin1');
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) text += gunzipSync(bytes).toString('latin1');
    if (looksLikeZip(bytes))
      for (const entry of unzipArchive(bytes))
        text += `\n${entry.path}\n${Buffer.from(entry.bytes).toString('latin1')}`;
    texts.set(file, text.toLowerCase());
  }
  return texts;
}

/** The record ids an OAI-PMH list names. */
async function oaiListed(site: BuiltSite, file: string): Promise<string[]> {
  const response = await fetch(site.url(file));
  expect(response.status, file).toBe(200);
  const document = parseXml(await response.text());
  return [...document.getElementsByTagNameNS(OAI_PMH_NS, 'identifier')].map(
    (element) => element.textContent?.split(':').slice(2).join(':') ?? '',
  );
}

function occurrences(texts: Map<string, string>, needle: string): string[] {
  return [...texts.entries()]
    .filter(([, text]) => text.includes(needle.toLowerCase()))
    .map(([file]) => file);
}

const canaryStrings = (kind: keyof typeof CANARIES) => {
  const canary = CANARIES[kind];
  return [canary.id, canary.title, canary.abstract, canary.readme, canary.file, canary.table];
};

describe('the public build', () => {
  it('holds no trace of collaboration, restricted or embargoed records, not even in the search index', () => {
    const texts = siteText(publicSite.dir);
    expect(texts.size).toBeGreaterThan(100);
    expect([...texts.keys()].some((file) => file.endsWith('.pf_fragment'))).toBe(true);
    for (const kind of ['collaboration', 'restricted', 'embargoed'] as const)
      for (const canary of canaryStrings(kind))
        expect(occurrences(texts, canary), canary).toEqual([]);
    // The build's own scan checked the same output and passed.
    expect(publicSite.result.scan.leaks).toEqual([]);
    expect(publicSite.result.records).toEqual({ total: 24, visible: 18 });
  });

  it('answers 404 for the hidden records and their files', async () => {
    for (const kind of ['collaboration', 'restricted', 'embargoed'] as const) {
      const canary = CANARIES[kind];
      for (const url of [
        `records/${canary.id}/`,
        `api/records/${canary.id}.json`,
        `files/${canary.id}/files/${canary.file}.txt`,
        `api/records/${canary.id}/hepdata/${canary.table}.csv`,
        `api/records/${canary.id}/hepdata/${canary.table}.yaml`,
        `api/records/${canary.id}/hepdata/${canary.table}.svg`,
        `api/records/${canary.id}/datacite.json`,
        `api/records/${canary.id}/bagit.zip`,
        `oai/GetRecord/oai_dc/${canary.id}.xml`,
      ])
        expect((await fetch(publicSite.url(url))).status, url).toBe(404);
    }
  });

  it('offers harvesters exactly its records, in every OAI-PMH list and the static repository', async () => {
    const records = (
      JSON.parse(await (await fetch(publicSite.url('api/records.json'))).text()) as {
        records: Array<{ id: string }>;
      }
    ).records.map((record) => record.id);
    expect(records).toHaveLength(18);
    for (const file of [
      'oai/ListRecords/oai_dc.xml',
      'oai/ListRecords/oai_datacite.xml',
      'oai/ListIdentifiers/oai_dc.xml',
      'oai/ListIdentifiers/oai_datacite.xml',
    ])
      expect((await oaiListed(publicSite, file)).sort(), file).toEqual([...records].sort());
    expect(new Set(await oaiListed(publicSite, 'oai/static-repository.xml'))).toEqual(
      new Set(records),
    );
  });
});

describe('the internal build', () => {
  it('holds the collaboration record, and never the restricted one', async () => {
    const texts = siteText(internalSite.dir);
    const { id, table } = CANARIES.collaboration;
    // The downloads the public build answers 404 for are there (so that check can fail).
    const csv = await fetch(internalSite.url(`api/records/${id}/hepdata/${table}.csv`));
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain(`#: name: ${table}`);
    for (const canary of canaryStrings('collaboration'))
      expect(occurrences(texts, canary), canary).not.toEqual([]);
    for (const canary of canaryStrings('restricted'))
      expect(occurrences(texts, canary), canary).toEqual([]);
    expect(internalSite.result.records).toEqual({ total: 24, visible: 22 });
  });

  it('exports its collaboration records, but leaves harvesters only the public ones', async () => {
    const bag = await fetch(internalSite.url(`api/records/${CANARIES.collaboration.id}/bagit.zip`));
    expect(bag.status).toBe(200);
    const listed = await oaiListed(internalSite, 'oai/ListIdentifiers/oai_dc.xml');
    expect(listed).toEqual(await oaiListed(publicSite, 'oai/ListIdentifiers/oai_dc.xml'));
    expect(listed).not.toContain(CANARIES.collaboration.id);
    expect(listed).not.toContain(CANARIES.embargoed.id);
  });

  it('shows people’s email addresses, embargo badges, and keeps crawlers out', async () => {
    const { page, problems } = await watchedPage(browser);
    await page.goto(internalSite.url(`records/${CANARIES.collaboration.id}/`));
    expect(await page.locator('#people a[href="mailto:quinn.zed@example.org"]').count()).toBe(1);
    expect(await page.textContent('.record-head .badges')).toContain('Collaboration only');
    expect(await page.getAttribute('meta[name=robots]', 'content')).toBe('noindex, nofollow');
    await page.goto(internalSite.url(`records/${CANARIES.embargoed.id}/`));
    expect(await page.textContent('.record-head .badges')).toContain(
      `Embargoed until ${EMBARGO_UNTIL}`,
    );
    expect(await (await fetch(internalSite.url('robots.txt'))).text()).toContain('Disallow: /');
    expect(problems).toEqual([]);
  });

  it('finds collaboration records in its search', async () => {
    const { page } = await watchedPage(browser);
    await page.goto(internalSite.url(`search/?q=${CANARIES.collaboration.title}`));
    expect(await searchResults(page)).toEqual([`/records/${CANARIES.collaboration.id}/`]);
  });
});

describe('a record that was collaboration-only before it became public', () => {
  const { early } = BECAME_PUBLIC;
  const pastCanaries = [
    early.title,
    early.abstract,
    early.readme,
    early.file,
    early.message,
    early.email,
    early.id,
  ];

  it('shows nothing of its past on the public site: pages, search index, API', () => {
    const texts = siteText(publicSite.dir);
    for (const canary of pastCanaries) expect(occurrences(texts, canary), canary).toEqual([]);
    // The record itself and its history page are there.
    expect(occurrences(texts, BECAME_PUBLIC.title)).toContain(
      `records/${BECAME_PUBLIC.id}/index.html`,
    );
    expect(occurrences(texts, BECAME_PUBLIC.title)).toContain(
      `records/${BECAME_PUBLIC.id}/history/index.html`,
    );
  });

  it('begins its public history where it became public, with no changes from before', async () => {
    const { page, problems } = await watchedPage(browser);
    await page.goto(publicSite.url(`records/${BECAME_PUBLIC.id}/history/`));
    const revisions = await page.$$eval('.revision', (articles) =>
      articles.map((article) => ({
        heading: article.querySelector('h2')?.textContent?.replace(/\s+/g, ' ').trim(),
        message: article.querySelector('.message')?.textContent?.trim(),
        changes: article.querySelectorAll('.change').length,
        files: article.querySelectorAll('.revision-files li').length,
      })),
    );
    expect(revisions).toEqual([
      {
        heading: 'Revision 2 Changed Current',
        message: 'Add a keyword to the resonance search',
        changes: 1,
        files: 0,
      },
      {
        heading: 'Revision 1 Became visible',
        message: 'Make the resonance search public',
        changes: 0,
        files: 0,
      },
    ]);
    // The first version shown is the public one; there is no page of an earlier one.
    await page.click('#revision-1 .revision-links a');
    expect(await page.textContent('h1')).toBe(BECAME_PUBLIC.title);
    expect(problems).toEqual([]);
  });

  it('keeps its past on the internal site (so the public check above can fail)', async () => {
    const texts = siteText(internalSite.dir);
    for (const canary of [early.title, early.abstract, early.message, early.id])
      expect(occurrences(texts, canary), canary).not.toEqual([]);
    const { page } = await watchedPage(browser);
    await page.goto(internalSite.url(`records/${BECAME_PUBLIC.id}/history/`));
    expect(await page.textContent('#revision-2 .note')).toBe(
      `Moved from ${early.id} to ${BECAME_PUBLIC.id}.`,
    );
    expect(await page.textContent('#revision-1 .message')).toContain(early.message);
  });
});

describe('the embargo', () => {
  it('lifts at its day: with CAPSULE_NOW past it the public build holds the record', async () => {
    const texts = siteText(liftedSite.dir);
    for (const canary of canaryStrings('embargoed'))
      expect(occurrences(texts, canary), canary).not.toEqual([]);
    for (const kind of ['collaboration', 'restricted'] as const)
      for (const canary of canaryStrings(kind))
        expect(occurrences(texts, canary), canary).toEqual([]);
    const { page } = await watchedPage(browser);
    await page.goto(liftedSite.url(`search/?q=${CANARIES.embargoed.title}`));
    expect(await searchResults(page)).toEqual([`/records/${CANARIES.embargoed.id}/`]);
  });
});

describe('a hostile record', () => {
  for (const [name, path] of [
    ['its record page', `records/${HOSTILE_ID}/`],
    ['the home page listing it', ''],
    ['a search finding it', 'search/?q=hostile'],
  ] as const) {
    it(`renders as inert text on ${name}: no dialog, no javascript: link, no event handler`, async () => {
      const { page, dialogs, problems } = await watchedPage(browser);
      await page.goto(publicSite.url(path), { waitUntil: 'networkidle' });
      if (path.startsWith('search'))
        expect(await searchResults(page)).toContain(`/records/${HOSTILE_ID}/`);
      await page.mouse.move(200, 200);
      const active = await page.evaluate(() => {
        const found: string[] = [];
        for (const element of document.querySelectorAll('*')) {
          for (const attribute of element.attributes) {
            if (/^on/i.test(attribute.name)) found.push(`${element.tagName} ${attribute.name}`);
            if (
              /^\s*(javascript|vbscript|data):/i.test(attribute.value) &&
              attribute.name !== 'content'
            )
              found.push(`${element.tagName} ${attribute.name}=${attribute.value}`);
          }
          if (['IFRAME', 'EMBED', 'OBJECT'].includes(element.tagName)) found.push(element.tagName);
        }
        return found;
      });
      expect(active).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(problems).toEqual([]);
    });
  }

  it('shows its HEPData table as text, in the plot and the table of values', async () => {
    const { page, dialogs } = await watchedPage(browser);
    await page.goto(publicSite.url(`records/${HOSTILE_ID}/`), { waitUntil: 'networkidle' });
    const results = page.locator('#results');
    expect(await results.locator('script, img, iframe, foreignObject').count()).toBe(0);
    expect(await results.locator('svg[role=img] > title').textContent()).toBe(
      '</title></svg><script>alert(1)</script><b onclick=alert(2)>',
    );
    expect(await results.locator('table thead').innerText()).toContain('<svg onload=alert("y")>');
    expect(dialogs).toEqual([]);
  });

  it('keeps its title whole in the page, the tab title and the JSON-LD', async () => {
    const { page } = await watchedPage(browser);
    await page.goto(publicSite.url(`records/${HOSTILE_ID}/`));
    expect(await page.textContent('h1')).toBe(HOSTILE_TITLE);
    expect(await page.title()).toContain(HOSTILE_TITLE);
    const scripts = await page.$$eval('script', (elements) =>
      elements.map((element) => element.getAttribute('type') ?? 'classic'),
    );
    expect(scripts.filter((type) => type !== 'module' && type !== 'application/ld+json')).toEqual(
      [],
    );
    const jsonLd = JSON.parse(
      (await page.textContent('script[type="application/ld+json"]')) ?? '{}',
    );
    expect(jsonLd.name).toBe(HOSTILE_TITLE);
    // The raw HTML of its README is shown as text, not dropped silently.
    expect(await page.textContent('#documentation')).toContain(
      `<a href="javascript:alert('raw-a')">raw link</a>`,
    );
  });

  it('does not serve its active files (an SVG with script, an HTML page)', async () => {
    for (const file of ['evil.svg', 'evil.html'])
      expect((await fetch(publicSite.url(`files/${HOSTILE_ID}/files/${file}`))).status, file).toBe(
        404,
      );
    const { page } = await watchedPage(browser);
    await page.goto(publicSite.url(`records/${HOSTILE_ID}/`));
    expect(await page.textContent('#files')).toContain('not served');
  });
});
