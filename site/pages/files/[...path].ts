import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { settingsFromEnv } from '../../../scripts/lib/site/settings.ts';
import { getRecords } from '../../lib/data.ts';

/**
 * The preserved files the site serves: only files of records this build may show, only files the
 * record lists (and so checksums), and only those the publication policy lets through.
 */
export const getStaticPaths = (async () => {
  const records = await getRecords();
  return records.flatMap((record) =>
    record.files
      .filter((file) => file.published)
      .map((file) => ({
        params: { path: `${record.id}/${file.path}` },
        props: { dir: record.dir, file: file.path },
      })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { root } = settingsFromEnv(process.env);
  const { dir, file } = props as { dir: string; file: string };
  return new Response(readFileSync(path.join(root, dir, file)));
};
