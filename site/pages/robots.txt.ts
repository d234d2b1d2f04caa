import type { APIRoute } from 'astro';
import { getArchive } from '../lib/data.ts';
import { absolute } from '../lib/absolute.ts';

/** The public site invites crawlers (with its sitemap); the internal site turns them away. */
export const GET: APIRoute = async ({ site }) => {
  const archive = await getArchive();
  const body =
    archive.audience === 'public'
      ? `User-agent: *\nAllow: /\n\nSitemap: ${absolute(site, 'sitemap.xml')}\n`
      : 'User-agent: *\nDisallow: /\n';
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
