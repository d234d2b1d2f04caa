import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { SiteBuildSettings } from './settings.ts';
import { settingsToEnv } from './settings.ts';

/**
 * Runs `astro build` for one site build in a child process: the build's settings go in through the
 * environment, Astro's log comes back line by line (for progress and for the report when it fails).
 * A process per build keeps builds apart and gives memory back when it ends.
 */
export const TOOL_ROOT = path.resolve(import.meta.dirname, '../../..');
const ASTRO_CONFIG = path.join(TOOL_ROOT, 'astro.config.mjs');

/**
 * V8 lets the old generation grow to several times what is live before collecting it; rendering
 * 10,000 pages then holds 900 MB of heap for 220 MB of live data. Growing it by half at most
 * keeps the heap near what is live (at about a second more of marking, on a second core) and
 * scales with the archive, as a fixed cap would not.
 */
export const NODE_HEAP_FLAGS = ['--heap-growing-percent=50'];

export interface AstroRun {
  code: number;
  /** The last lines Astro printed (for the report when it failed). */
  tail: string[];
}

export function runAstroBuild(
  settings: SiteBuildSettings,
  projectRoot: string,
  env: NodeJS.ProcessEnv,
  onLine: (line: string) => void = () => {},
): Promise<AstroRun> {
  const astro = createRequire(path.join(TOOL_ROOT, 'package.json')).resolve('astro/package.json');
  const bin = path.join(path.dirname(astro), 'bin/astro.mjs');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        ...NODE_HEAP_FLAGS,
        bin,
        'build',
        '--root',
        projectRoot,
        '--config',
        path.relative(projectRoot, ASTRO_CONFIG),
      ],
      {
        cwd: projectRoot,
        env: {
          ...env,
          ...settingsToEnv(settings),
          ASTRO_TELEMETRY_DISABLED: '1',
          NO_COLOR: '1',
          FORCE_COLOR: '0',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const tail: string[] = [];
    const take = (chunk: Buffer, buffer: { rest: string }) => {
      const lines = (buffer.rest + chunk.toString('utf8')).split('\n');
      buffer.rest = lines.pop() ?? '';
      for (const raw of lines) {
        const line = raw.replace(/\u001b\[[0-9;]*m/g, '');
        tail.push(line);
        if (tail.length > 80) tail.shift();
        onLine(line);
      }
    };
    const out = { rest: '' };
    const err = { rest: '' };
    child.stdout.on('data', (chunk: Buffer) => take(chunk, out));
    child.stderr.on('data', (chunk: Buffer) => take(chunk, err));
    child.on('error', reject);
    child.on('close', (code) => {
      for (const rest of [out.rest, err.rest]) if (rest) tail.push(rest);
      resolve({ code: code ?? 1, tail });
    });
  });
}
