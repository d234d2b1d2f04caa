import type { APIRoute, GetStaticPaths } from 'astro';
import { recordDocument } from '../../../../scripts/lib/site/api.ts';
import type { SiteRecord } from '../../../../scripts/lib/site/types.ts';
import { getRecords } from '../../../lib/data.ts';
import { absolute, json } from '../../../lib/absolute.ts';

export const getStaticPaths = (async () =>
  (await getRecords()).map((record) => ({ params: { id: record.id }, props: { record } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) =>
  json(recordDocument((props as { record: SiteRecord }).record, { absolute: (path) => absolute(site, path) }));
