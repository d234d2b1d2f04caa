import { url } from './urls.ts';

/** Absolute URLs (for the API, feeds and sitemaps): the site URL from content/archive.yaml. */
export function absolute(site: URL | undefined, path = ''): string {
  if (!site) throw new Error('The site URL is not set.');
  return new URL(url(path), site).href;
}

export function json(value: unknown): Response {
  return new Response(JSON.stringify(value, null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
