import type { Browser, Page } from 'playwright';

/**
 * Bytes Chromium transfers for searches on a built site: what the network delivers (compressed
 * bodies and headers), counted from Playwright's request events.
 */
export interface TransferMeasure {
  requests: number;
  bytes: number;
  results: string;
}

export async function measureSearches(
  browser: Browser,
  searchUrl: string,
  queries: { first: string; typical: string[] },
): Promise<{ first: TransferMeasure; typical: TransferMeasure[] }> {
  const page = await browser.newPage();
  let bytes = 0;
  let requests = 0;
  page.on('requestfinished', async (request) => {
    const sizes = await request.sizes();
    requests++;
    bytes += sizes.responseBodySize + sizes.responseHeadersSize + sizes.requestHeadersSize;
  });
  const settle = async () => {
    await page.waitForFunction(() => document.getElementById('results')?.dataset.state === 'ready');
    await page.waitForLoadState('networkidle');
  };
  const take = async (page: Page): Promise<TransferMeasure> => {
    const measure = { requests, bytes, results: (await page.textContent('#search-status')) ?? '' };
    requests = 0;
    bytes = 0;
    return measure;
  };
  await page.goto(`${searchUrl}?q=${encodeURIComponent(queries.first)}`);
  await settle();
  const first = await take(page);
  const typical: TransferMeasure[] = [];
  for (const query of queries.typical) {
    await page.evaluate(() => {
      (document.getElementById('results') as HTMLElement).dataset.state = 'stale';
    });
    // Set the query and submit once (typing would also start the search-as-you-type).
    await page.evaluate((value) => {
      (document.getElementById('q') as HTMLInputElement).value = value;
      (document.getElementById('search-form') as HTMLFormElement).requestSubmit();
    }, query);
    await settle();
    typical.push(await take(page));
  }
  await page.close();
  return { first, typical };
}
