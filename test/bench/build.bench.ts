import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startStaticServer } from '../../scripts/lib/site/static-server.ts';
import { launchChromium } from '../helpers/browser.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { watchTreeMemory } from './process-memory.ts';
import { measureSearches } from './search-transfer.ts';
import { syntheticArchive } from './synthetic-archive.ts';

/**
 * bench:build — the public site of the synthetic 10,000-record archive (9,000 public), built by
 * `capsule build` in a fresh process: wall time and peak memory of the whole build (Astro,
 * Pagefind, API, output scan), then the bytes Chromium transfers for a first and a typical search.
 * Targets on a 2-core machine: <= 45 s, <= 2.5 GB; first query <= 300 KB, typical <= 150 KB.
 */
const RECORDS = Number(process.env.BENCH_RECORDS ?? 10_000);
// The synthetic records draw their words from a vocabulary of twenty, so every word is in every
// record: the worst case for an index. A first search for one such word, then a typical session.
const FIRST = 'measurement';
const TYPICAL = ['resonance', 'decay 4242', '10.1007/JHEP07(2016)242', 'lepton asymmetry'];
const root = await syntheticArchive({ records: RECORDS });
const out = await mkdtemp(path.join(tmpdir(), 'capsule-bench-site-'));
console.log(`bench:build — public site of ${RECORDS} synthetic records (${root})`);

const started = performance.now();
const child = spawn(
  process.execPath,
  [
    path.join(REPO_ROOT, 'scripts/cli/bin.mjs'),
    'build',
    '--audience',
    'public',
    '--root',
    root,
    '--out',
    out,
  ],
  {
    env: { ...process.env, CAPSULE_NOW: '2026-11-22', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  },
);
const memory = watchTreeMemory(child.pid as number);
let log = '';
child.stdout.on('data', (chunk) => (log += chunk));
child.stderr.on('data', (chunk) => (log += chunk));
const code: number = await new Promise((resolve) =>
  child.on('close', (status) => resolve(status ?? 1)),
);
const peak = memory.stop();
const seconds = (performance.now() - started) / 1000;
console.log(log.trim());
if (code !== 0) throw new Error(`the build failed (exit ${code})`);

const server = await startStaticServer({ dir: out });
const browser = await launchChromium();
try {
  const searches = await measureSearches(browser, `${server.url}search/`, {
    first: FIRST,
    typical: TYPICAL,
  });
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const typicalMax = Math.max(...searches.typical.map((measure) => measure.bytes));
  console.table([
    {
      measure: 'wall time',
      value: `${seconds.toFixed(1)} s`,
      target: '<= 45 s',
      met: seconds <= 45,
    },
    {
      measure: 'peak memory (process tree)',
      value: `${(peak / 2 ** 30).toFixed(2)} GiB`,
      target: '<= 2.5 GB',
      met: peak <= 2.5e9,
    },
    {
      measure: `first query "${FIRST}" (page, scripts, index; ${searches.first.requests} requests)`,
      value: kb(searches.first.bytes),
      target: '<= 300 KB',
      met: searches.first.bytes <= 300 * 1024,
    },
    ...searches.typical.map((measure, index) => ({
      measure: `then "${TYPICAL[index]}" (${measure.requests} requests; ${measure.results})`,
      value: kb(measure.bytes),
      target: '<= 150 KB',
      met: measure.bytes <= 150 * 1024,
    })),
  ]);
  console.log(`typical query: at most ${kb(typicalMax)}; first query: ${searches.first.results}`);
} finally {
  await browser.close();
  await server.close();
  await rm(out, { recursive: true, force: true });
}
