import * as path from 'node:path';
import { astroSiteAndBase } from '../../lib/site/settings.ts';
import { startStaticServer } from '../../lib/site/static-server.ts';
import { ROOT_OPTION, findArchiveRoot } from '../archive-root.ts';
import { UsageError } from '../command.ts';
import type { Command } from '../command.ts';
import { buildWithProgress, parseAudience, reportBuild } from '../site-build.ts';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Validate, build and serve a site on this machine',
  usage: 'capsule serve [--audience public|internal] [--port N] [--out DIR]',
  description: [
    'Validates the archive, builds the site for the audience (public by default) exactly as',
    '`capsule build` does, and serves it on http://127.0.0.1 until interrupted (Ctrl-C). The',
    'address is printed when the site is ready. `npm start` runs `capsule serve`.',
  ].join('\n'),
  options: {
    audience: {
      type: 'string',
      short: 'a',
      value: '<audience>',
      description: 'public (default) or internal.',
    },
    port: {
      type: 'string',
      short: 'p',
      value: '<port>',
      description: 'Port to listen on (default 4321; 0 picks a free one).',
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
      command: 'capsule serve',
      explanation: 'Build the public site and serve it on http://127.0.0.1:4321/.',
    },
    {
      command: 'capsule serve --audience internal --port 8080',
      explanation: 'The collaboration site on port 8080.',
    },
  ],
  positionals: 'none',
  async run({ values }, io) {
    const audience = parseAudience(values.audience, 'public');
    const port = values.port === undefined ? 4321 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(
        `--port must be a port number (0 to 65535), not "${String(values.port)}".`,
      );
    const root = findArchiveRoot(io.cwd, values.root as string | undefined);
    const outDir = typeof values.out === 'string' ? path.resolve(io.cwd, values.out) : undefined;
    const result = await buildWithProgress(io, { root, audience, ...(outDir ? { outDir } : {}) });
    const code = reportBuild(io, result, audience);
    if (!result.ok) return code;
    const { base } = astroSiteAndBase(result.siteUrl);
    let server;
    try {
      server = await startStaticServer({ dir: result.outDir, base, port });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
        throw new UsageError(
          `Port ${port} is in use; pass --port with another number, or --port 0.`,
        );
      throw error;
    }
    io.stdout.write(`\nThe ${audience} site is at ${server.url} (Ctrl-C to stop).\n`);
    await waitForInterrupt();
    await server.close();
    return 0;
  },
};

function waitForInterrupt(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
