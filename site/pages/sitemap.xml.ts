import type { APIRoute } from 'astro';
import { sitemapXml } from '../../scripts/lib/site/feeds.ts';
import { getCollections, getRecords, getSchemas } from '../lib/data.ts';
import { absolute } from '../lib/absolute.ts';
import { schemaFamilies } from '../lib/schema-list.ts';

export const GET: APIRoute = async ({ site }) => {
  const [records, collections, schemas] = await Promise.all([
    getRecords(),
    getCollections(),
    getSchemas(),
  ]);
  const page = (path: string, lastmod?: string) => ({
    url: absolute(site, path),
    ...(lastmod ? { lastmod } : {}),
  });
  const entries = [
    page(''),
    page('collections/'),
    ...collections.map((collection) => page(`collections/${collection.name}/`)),
    ...records.map((record) =>
      page(`records/${record.id}/`, record.metadata.updated ?? record.metadata.created),
    ),
    page('search/'),
    page('guides/'),
    page('guides/preserve/'),
    page('guides/review/'),
    page('schemas/'),
    ...schemaFamilies(schemas).families.map((family) => page(`schemas/${family.name}/`)),
    page('api/'),
  ];
  return new Response(sitemapXml(entries), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
