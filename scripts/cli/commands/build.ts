import * as path from 'node:path';
import { ROOT_OPTION, findArchiveRoot } from '../archive-root.ts';
import type { Command } from '../command.ts';
import { buildWithProgress, parseAudience, reportBuild } from '../site-build.ts';

export const buildCommand: Command = {
  name: 'build',
  summary: 'Build the public or the internal site',
  usage: 'capsule build --audience public|internal [--out DIR]',
  description: [
    'Validates the archive and builds the static catalogue site for one audience with Astro and',
    'Pagefind: `public` holds public records whose embargo has passed, `internal` adds',
    'collaboration records (restricted records are never built). Embargoes are decided for today,',
    'or for the day CAPSULE_NOW names. The finished site is scanned for the id and title of every',
    'record the audience may not see; if one appears anywhere, also inside the compressed search',
    'index, the build fails and nothing is written. The site URL comes from content/archive.yaml',
    '(`site_url`, `internal_site_url`). Exit code 0 when built, 1 when the archive is invalid or',
    'the build is refused, 2 on a usage error.',
  ].join('\n'),
  options: {
    audience: {
      type: 'string',
      short: 'a',
      value: '<audience>',
      description: 'public or internal.',
    },
    out: {
      type: 'string',
      short: 'o',
      value: '<dir>',
      description: 'Output folder (default: dist/<audience>).',
    },
    ...ROOT_OPTION,
  },
  examples: [
    {
      command: 'capsule build --audience public',
      explanation: 'Build the public site into dist/public.',
    },
    {
      command: 'capsule build --audience internal --out public',
      explanation:
        'Build the collaboration site into public/ (GitLab Pages, behind access control).',
    },
    {
      command: 'CAPSULE_NOW=2027-07-01 capsule build --audience public --out /tmp/preview',
      explanation: 'Preview the public site as it will be once an embargo has lifted.',
    },
  ],
  positionals: 'none',
  async run({ values }, io) {
    const audience = parseAudience(values.audience);
    const root = findArchiveRoot(io.cwd, values.root as string | undefined);
    const outDir = typeof values.out === 'string' ? values.out : undefined;
    const result = await buildWithProgress(io, {
      root,
      audience,
      ...(outDir ? { outDir: path.resolve(io.cwd, outDir) } : {}),
    });
    return reportBuild(io, result, audience);
  },
};
