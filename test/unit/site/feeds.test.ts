import { describe, expect, it } from 'vitest';
import { atomFeed, sitemapXml, xmlEscape } from '../../../scripts/lib/site/feeds.ts';

describe('xmlEscape', () => {
  it('escapes markup and drops characters XML cannot hold', () => {
    expect(xmlEscape(`<a href="x">Tom's & co\u0001</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom&apos;s &amp; co&lt;/a&gt;',
    );
  });
});

describe('sitemapXml and atomFeed', () => {
  it('write a sitemap with last-modified dates', () => {
    expect(
      sitemapXml([
        { url: 'https://a.org/records/x/?a=1&b=2', lastmod: '2024-01-02' },
        { url: 'https://a.org/' },
      ]),
    ).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        '  <url><loc>https://a.org/records/x/?a=1&amp;b=2</loc><lastmod>2024-01-02</lastmod></url>\n' +
        '  <url><loc>https://a.org/</loc></url>\n</urlset>\n',
    );
  });

  it('write an Atom feed whose entries carry escaped titles and RFC 3339 dates', () => {
    const xml = atomFeed({
      url: 'https://a.org/feed.xml',
      siteUrl: 'https://a.org/',
      title: 'Archive',
      updated: '2024-02-01',
      entries: [
        {
          url: 'https://a.org/records/x/',
          title: 'H → ττ </title><script>',
          summary: 'A & B',
          published: '2024-01-01',
          updated: '2024-02-01',
          authors: ['Ada Lovelace'],
          categories: ['CMS'],
        },
      ],
    });
    expect(xml).toContain('<title>H → ττ &lt;/title&gt;&lt;script&gt;</title>');
    expect(xml).toContain('<updated>2024-02-01T00:00:00Z</updated>');
    expect(xml).toContain('<author><name>Ada Lovelace</name></author>');
    expect(xml.match(/<entry>/g)).toHaveLength(1);
  });
});
