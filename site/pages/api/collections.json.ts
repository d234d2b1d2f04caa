import type { APIRoute } from 'astro';
import { collectionSummary } from '../../../scripts/lib/site/api.ts';
import { getCollections, getRecords } from '../../lib/data.ts';
import { absolute, json } from '../../lib/absolute.ts';
import { countBy } from '../../lib/sorting.ts';

export const GET: APIRoute = async ({ site }) => {
  const [records, collections] = await Promise.all([getRecords(), getCollections()]);
  const counts = countBy(records, (record) => [record.collection]);
  const urls = { absolute: (path: string) => absolute(site, path) };
  return json(
    collections.map((collection) =>
      collectionSummary(collection, counts.get(collection.name) ?? 0, urls),
    ),
  );
};
