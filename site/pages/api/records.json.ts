import type { APIRoute } from 'astro';
import { recordSummary } from '../../../scripts/lib/site/api.ts';
import { getRecords } from '../../lib/data.ts';
import { absolute, json } from '../../lib/absolute.ts';

export const GET: APIRoute = async ({ site }) => {
  const records = await getRecords();
  const urls = { absolute: (path: string) => absolute(site, path) };
  return json({
    count: records.length,
    records: records.map((record) => recordSummary(record, urls)),
  });
};
