import type { APIRoute, GetStaticPaths } from 'astro';
import type { SiteSchema } from '../../../../scripts/lib/site/types.ts';
import { getSchemas } from '../../../lib/data.ts';

/** Every schema file as published (their relative `$ref`s resolve between these URLs). */
export const getStaticPaths = (async () =>
  (await getSchemas()).map((schema) => ({
    params: { ref: schema.ref },
    props: { schema },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(`${JSON.stringify((props as { schema: SiteSchema }).schema.json, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json' },
  });
