import { FACETS } from '../../scripts/lib/site/facets.ts';
import {
  queryIdentifierToken,
  withoutIdentifierTokens,
} from '../../scripts/lib/site/search-terms.ts';

/**
 * The search page, on Pagefind's JavaScript API: words or an identifier (searched as one token,
 * see search-terms.ts), facets as checkboxes (any value within a facet, all facets together),
 * sort by date. The state lives in the URL, so searches can be linked and the back button works.
 * Result text is put in the page as text nodes, never as HTML.
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { [key: string]: string };
}

interface PagefindSearch {
  results: Array<{ id: string; data(): Promise<PagefindResultData> }>;
  filters: { [facet: string]: { [value: string]: number } };
  totalFilters: { [facet: string]: { [value: string]: number } };
}

interface Pagefind {
  options(options: object): Promise<void>;
  init(): Promise<void>;
  search(query: string | null, options?: object): Promise<PagefindSearch | null>;
  filters(): Promise<{ [facet: string]: { [value: string]: number } }>;
}

const PAGE = 10;
const liveCounts =
  (document.getElementById('search-form') as HTMLFormElement).dataset.liveCounts === 'true';
const base = import.meta.env.BASE_URL.endsWith('/')
  ? import.meta.env.BASE_URL
  : `${import.meta.env.BASE_URL}/`;
const form = document.getElementById('search-form') as HTMLFormElement;
const input = document.getElementById('q') as HTMLInputElement;
const sortSelect = document.getElementById('sort') as HTMLSelectElement;
const facetsBox = document.getElementById('facets') as HTMLElement;
const status = document.getElementById('search-status') as HTMLElement;
const list = document.getElementById('results') as HTMLOListElement;
const more = document.getElementById('more') as HTMLButtonElement;

let pagefind: Pagefind | undefined;
let shown = 0;
let current: PagefindSearch | undefined;
let generation = 0;

function selected(): { [facet: string]: string[] } {
  const out: { [facet: string]: string[] } = {};
  for (const box of facetsBox.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')) {
    const facet = box.name;
    (out[facet] ??= []).push(box.value);
  }
  return out;
}

function readUrl(): { q: string; sort: string; facets: { [facet: string]: string[] } } {
  const params = new URLSearchParams(location.search);
  const facets: { [facet: string]: string[] } = {};
  for (const { name } of FACETS) {
    const values = params.getAll(name);
    if (values.length > 0) facets[name] = values;
  }
  return { q: params.get('q') ?? '', sort: params.get('sort') ?? '', facets };
}

function writeUrl(): void {
  const params = new URLSearchParams();
  if (input.value.trim()) params.set('q', input.value.trim());
  if (sortSelect.value) params.set('sort', sortSelect.value);
  for (const [facet, values] of Object.entries(selected()))
    for (const value of values) params.append(facet, value);
  const query = params.toString();
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
}

/** Counts within the current results, where Pagefind has them (small archives; see the page). */
function updateCounts(counts: PagefindSearch['filters'] | undefined): void {
  for (const box of facetsBox.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
    const count = box.parentElement?.querySelector<HTMLElement>('.n');
    if (!count) continue;
    const live = counts?.[box.name]?.[box.value];
    count.textContent = live === undefined ? (count.dataset.total ?? '') : String(live);
  }
}

/** Pagefind's excerpt marks matches with <mark>; rebuild it from text, keeping only those marks. */
function excerptNodes(excerpt: string): Node[] {
  const decode = (text: string) =>
    withoutIdentifierTokens(text)
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;|&#x27;/g, "'")
      .replace(/&amp;/g, '&');
  return excerpt.split(/(<mark>.*?<\/mark>)/g).map((part) => {
    const marked = /^<mark>(.*)<\/mark>$/.exec(part);
    if (!marked) return document.createTextNode(decode(part));
    const mark = document.createElement('mark');
    mark.textContent = decode(marked[1] ?? '');
    return mark;
  });
}

async function renderMore(run: number): Promise<void> {
  if (!current) return;
  const slice = current.results.slice(shown, shown + PAGE);
  const data = await Promise.all(slice.map((result) => result.data()));
  if (run !== generation) return;
  for (const result of data) {
    const item = document.createElement('li');
    const heading = document.createElement('h2');
    const link = document.createElement('a');
    link.href = result.url;
    link.textContent = result.meta.title ?? result.url;
    heading.append(link);
    const meta = document.createElement('div');
    meta.className = 'meta muted';
    meta.textContent = [
      result.meta.experiment,
      result.meta.collection,
      result.meta.year,
      result.meta.date && `created ${result.meta.date}`,
    ]
      .filter(Boolean)
      .join(' · ');
    const excerpt = document.createElement('p');
    excerpt.append(...excerptNodes(result.excerpt));
    item.append(heading, meta, excerpt);
    list.append(item);
  }
  shown += slice.length;
  more.hidden = shown >= current.results.length;
}

async function run(options: { words?: boolean } = {}): Promise<void> {
  const ticket = ++generation;
  writeUrl();
  const query = input.value.trim();
  const chosen = selected();
  const filters: { [facet: string]: { any: string[] } } = {};
  for (const [facet, values] of Object.entries(chosen)) filters[facet] = { any: values };
  const sort =
    sortSelect.value === 'newest'
      ? { date: 'desc' }
      : sortSelect.value === 'oldest'
        ? { date: 'asc' }
        : undefined;
  if (!pagefind) return;
  if (!query && Object.keys(filters).length === 0) {
    list.replaceChildren();
    list.dataset.state = 'idle';
    more.hidden = true;
    updateCounts(undefined);
    status.textContent = 'Type words, a DOI, an arXiv id or a CADI line, or choose a filter.';
    return;
  }
  status.textContent = 'Searching…';
  list.dataset.state = 'searching';
  const searchOptions = { filters, ...(sort ? { sort } : {}) };
  // An identifier is searched as the one token records index it under (search-terms.ts).
  const token = query && !options.words ? queryIdentifierToken(query) : undefined;
  // Quoted: an exact match of the whole token, not the closest prefix.
  const search = await pagefind.search(token ? `"${token}"` : query || null, searchOptions);
  if (ticket !== generation || !search) return;
  current = search;
  shown = 0;
  list.replaceChildren();
  if (liveCounts) updateCounts(search.filters);
  const count = search.results.length;
  if (count === 0 && token) {
    status.replaceChildren(`No record has the identifier ${query}. `);
    const words = document.createElement('button');
    words.type = 'button';
    words.className = 'secondary';
    words.textContent = 'Search for the words instead';
    words.addEventListener('click', () => void run({ words: true }));
    status.append(words);
  } else {
    status.textContent =
      count === 0
        ? `No records match${query ? ` “${query}”` : ''}.`
        : `${count} record${count === 1 ? '' : 's'}${token ? ` with the identifier ${query}` : query ? ` for “${query}”` : ''}.`;
  }
  await renderMore(ticket);
  list.dataset.state = 'ready';
}

async function start(): Promise<void> {
  const state = readUrl();
  input.value = state.q;
  sortSelect.value = state.sort;
  try {
    pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await pagefind.options({ baseUrl: base, excerptLength: 30 });
    await pagefind.init();
  } catch {
    status.textContent = 'The search index could not be loaded.';
    return;
  }
  for (const box of facetsBox.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
    box.checked = state.facets[box.name]?.includes(box.value) ?? false;
    // A chosen value among a facet's less frequent ones: show it.
    const more = box.closest('details');
    if (box.checked && more) more.open = true;
  }
  if (liveCounts) await pagefind.filters();
  await run();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void run();
});
let typing: ReturnType<typeof setTimeout> | undefined;
input.addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(() => void run(), 250);
});
sortSelect.addEventListener('change', () => void run());
facetsBox.addEventListener('change', () => void run());
more.addEventListener('click', () => void renderMore(generation));
void start();
