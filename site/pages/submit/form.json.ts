import type { APIRoute } from 'astro';
import { formData } from '../../../scripts/lib/site/form-data.ts';
import { getArchive, getCollections, getRecords, getSchemas } from '../../lib/data.ts';

/** What the submission form loads (see form-data.ts): schemas, collections, forge, suggestions. */
export const GET: APIRoute = async () => {
  const [archive, collections, records, schemas] = await Promise.all([
    getArchive(),
    getCollections(),
    getRecords(),
    getSchemas(),
  ]);
  // Compact: the form loads it on every visit.
  return new Response(JSON.stringify(formData({ ...archive, collections, records, schemas })), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
