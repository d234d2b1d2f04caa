import type { APIRoute } from 'astro';
import { openApiDocument } from '../../../scripts/lib/site/api.ts';
import { getArchive } from '../../lib/data.ts';
import { absolute, json } from '../../lib/absolute.ts';

export const GET: APIRoute = async ({ site }) => {
  const archive = await getArchive();
  return json(
    openApiDocument({
      title: archive.config.name,
      ...(archive.config.description ? { description: archive.config.description } : {}),
      apiUrl: absolute(site, 'api'),
      version: '1.0.0',
    }),
  );
};
