import type { APIRoute } from 'astro';
import { atomFeed } from '../../scripts/lib/site/feeds.ts';
import { getArchive, getRecords } from '../lib/data.ts';
import { absolute } from '../lib/absolute.ts';

/** The 50 most recently added or updated records. */
export const GET: APIRoute = async ({ site }) => {
  const [records, archive] = await Promise.all([getRecords(), getArchive()]);
  const changed = (record: (typeof records)[number]) =>
    record.metadata.updated ?? record.metadata.created;
  const recent = [...records]
    .sort((a, b) => changed(b).localeCompare(changed(a)) || a.id.localeCompare(b.id))
    .slice(0, 50);
  const xml = atomFeed({
    url: absolute(site, 'feed.xml'),
    siteUrl: absolute(site),
    title: archive.config.name,
    ...(archive.config.description ? { subtitle: archive.config.description } : {}),
    updated: recent[0] ? changed(recent[0]) : archive.day,
    entries: recent.map((record) => ({
      url: absolute(site, `records/${record.id}/`),
      title: record.metadata.title,
      summary: record.metadata.abstract,
      published: record.metadata.created,
      updated: changed(record),
      authors: record.metadata.people
        .slice(0, 10)
        .map((person) => [person.given_name, person.family_name].filter(Boolean).join(' ')),
      categories: [record.metadata.experiment, ...(record.metadata.physics_themes ?? [])],
    })),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
