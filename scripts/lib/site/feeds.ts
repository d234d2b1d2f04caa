/**
 * The site's XML files: the sitemap (sitemaps.org 0.9) and the Atom feed (RFC 4287) of new and
 * updated records. Pure string builders; every text and attribute goes through xmlEscape.
 */
export interface SitemapEntry {
  url: string;
  lastmod?: string;
}

export interface FeedEntry {
  url: string;
  title: string;
  summary: string;
  published: string;
  updated: string;
  authors: string[];
  categories: string[];
}

export interface Feed {
  url: string;
  siteUrl: string;
  title: string;
  subtitle?: string;
  updated: string;
  entries: FeedEntry[];
}

export function xmlEscape(value: string): string {
  return (
    value
      // Characters XML 1.0 cannot hold at all.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

export function sitemapXml(entries: readonly SitemapEntry[]): string {
  const urls = entries.map(
    (entry) =>
      `  <url><loc>${xmlEscape(entry.url)}</loc>${entry.lastmod ? `<lastmod>${xmlEscape(entry.lastmod)}</lastmod>` : ''}</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** A day (YYYY-MM-DD) as an RFC 3339 timestamp, as Atom wants. */
export function atomDate(day: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T00:00:00Z` : day;
}

export function atomFeed(feed: Feed): string {
  const entries = feed.entries.map((entry) =>
    [
      '  <entry>',
      `    <id>${xmlEscape(entry.url)}</id>`,
      `    <title>${xmlEscape(entry.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlEscape(entry.url)}"/>`,
      `    <published>${xmlEscape(atomDate(entry.published))}</published>`,
      `    <updated>${xmlEscape(atomDate(entry.updated))}</updated>`,
      ...entry.authors.map((name) => `    <author><name>${xmlEscape(name)}</name></author>`),
      ...entry.categories.map((term) => `    <category term="${xmlEscape(term)}"/>`),
      `    <summary>${xmlEscape(entry.summary)}</summary>`,
      '  </entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xmlEscape(feed.url)}</id>`,
    `  <title>${xmlEscape(feed.title)}</title>`,
    ...(feed.subtitle ? [`  <subtitle>${xmlEscape(feed.subtitle)}</subtitle>`] : []),
    `  <updated>${xmlEscape(atomDate(feed.updated))}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(feed.url)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(feed.siteUrl)}"/>`,
    '  <generator>Capsule</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
