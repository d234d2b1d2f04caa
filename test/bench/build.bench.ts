import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { listFiles } from '../../scripts/lib/site/scan/scan-output.ts';
import { startStaticServer } from '../../scripts/lib/site/static-server.ts';
import { launchChromium } from '../helpers/browser.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { watchTreeMemory } from './process-memory.ts';
import { measureSearches } from './search-transfer.ts';
import { syntheticArchive } from './synthetic-archive.ts';
import { checkedOutHistory } from './synthetic-history.ts';

/**
 * bench:build — the public site of the synthetic 10,000-record archive (9,000 public), built by
 * `capsule build` in a fresh process: wall time and peak memory of the whole build (Astro,
 * Pagefind, API, output scan), the size of the output, then the bytes Chromium transfers for a
 * first and a typical search. Targets on a 2-core machine: <= 45 s, <= 2.5 GB; first query
 * <= 300 KB, typical <= 150 KB.
 *
 * BENCH_ARCHIVE=history (the default) builds a git checkout of bench:history's repository (the
 * same records, written over 2,000 commits with edits, moves, deletions and merges), so record
 * history pages are built too, from a cold history index as in CI; BENCH_ARCHIVE=plain builds the
 * same kind of archive outside git (a tarball's case: no history).
 */
const RECORDS = Number(process.env.BENCH_RECORDS ?? 10_000);
const COMMITS = Number(process.env.BENCH_COMMITS ?? 2_000);
const KIND = process.env.BENCH_ARCHIVE ?? 'history';
if (KIND !== 'history' && KIND !== 'plain')
  throw new Error(`BENCH_ARCHIVE must be history or plain, not ${KIND}`);
// The synthetic records draw their words from a vocabulary of twenty, so every word is in every
// record, about eight times: the worst case for an index, whose part for one such word is about
// 85 KB. A first search for one such word; then a typical session: another such word, a word and
// a number, an identifier; then the worst case, two such words (two parts of the index), which no
// pair of words in real abstracts comes near. It is reported against the typical target too.
const FIRST = 'measurement';
const TYPICAL = ['resonance', 'decay 4242', '10.1007/JHEP07(2016)242'];
const WORST = 'lepton asymmetry';
const root =
  KIND === 'history'
    ? await checkedOutHistory({ records: RECORDS, commits: COMMITS })
    : await syntheticArchive({ records: RECORDS });
// Cold: the history index is built as on a fresh CI clone.
await rm(path.join(root, '.capsule'), { recursive: true, force: true });
const out = await mkdtemp(path.join(tmpdir(), 'capsule-bench-site-'));
console.log(
  `bench:build — public site of ${RECORDS} synthetic records, ${KIND === 'history' ? `with ${COMMITS} commits of history` : 'outside git'} (${root})`,
);

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

const files = listFiles(out);
const bytes = files.reduce((sum, file) => sum + statSync(path.join(out, file)).size, 0);
const historyPages = files.filter((file) => /\/history\/(.+\/)?index\.html$/.test(file)).length;

const server = await startStaticServer({ dir: out });
const browser = await launchChromium();
try {
  const searches = await measureSearches(browser, `${server.url}search/`, {
    first: FIRST,
    typical: [...TYPICAL, WORST],
  });
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const typical = searches.typical.slice(0, TYPICAL.length);
  const worst = searches.typical[TYPICAL.length] as (typeof searches.typical)[number];
  const typicalMax = Math.max(...typical.map((measure) => measure.bytes));
  console.table([
    {
      measure: 'wall time',
      value: `${seconds.toFixed(1)} s`,
      target: '<= 45 s',
      met: seconds <= 45,
    },
    {
      measure: `output (${files.length} files, ${historyPages} of them history pages)`,
      value: `${(bytes / 2 ** 20).toFixed(1)} MiB`,
      target: '',
      met: true,
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
    ...typical.map((measure, index) => ({
      measure: `then "${TYPICAL[index]}" (${measure.requests} requests; ${measure.results})`,
      value: kb(measure.bytes),
      target: '<= 150 KB',
      met: measure.bytes <= 150 * 1024,
    })),
    {
      measure: `worst case: "${WORST}" (${worst.requests} requests; ${worst.results})`,
      value: kb(worst.bytes),
      target: '(typical: <= 150 KB)',
      met: worst.bytes <= 150 * 1024,
    },
  ]);
  console.log(
    `typical query: at most ${kb(typicalMax)}; worst case ${kb(worst.bytes)}; first query: ${searches.first.results}`,
  );
} finally {
  await browser.close();
  await server.close();
  await rm(out, { recursive: true, force: true });
}
