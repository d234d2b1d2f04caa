import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { syntheticArchive } from './synthetic-archive.ts';

/**
 * bench:validate — parse and validate a synthetic archive of 10,000 records (~4 KB each) and report
 * records per second and peak memory. The measurement runs in a fresh child process so the
 * figures are those of `capsule validate` alone. Target on a 2-core machine: >= 5,000 records/s.
 */
const RECORDS = Number(process.env.BENCH_RECORDS ?? 10_000);

const root = await syntheticArchive({ records: RECORDS });
console.log(`bench:validate — ${RECORDS} synthetic records in ${root}`);

const runs: Array<{
  load: number;
  validate: number;
  total: number;
  maxRssMiB: number;
  cpu: number;
  records: number;
  errors: number;
}> = [];
for (let run = 0; run < 3; run++) {
  const child = spawnSync(
    process.execPath,
    // The flag the capsule executable runs with (see scripts/cli/bin.mjs).
    ['--max-semi-space-size=32', path.join(import.meta.dirname, 'measure-validate.ts'), root],
    { encoding: 'utf8' },
  );
  if (child.status !== 0) {
    console.error(child.stderr);
    throw new Error('the measurement failed');
  }
  runs.push(JSON.parse(child.stdout));
}
const best = runs.reduce((a, b) => (a.total <= b.total ? a : b));
const rate = Math.round(best.records / (best.total / 1000));
console.table(
  runs.map((r, i) => ({
    run: i + 1,
    'read+parse ms': r.load,
    'validate ms': r.validate,
    'total ms': r.total,
    'CPU ms': r.cpu,
    'peak RSS MiB': r.maxRssMiB,
  })),
);
console.log(
  `best: ${best.records} records in ${best.total} ms = ${rate} records/s; peak RSS ${best.maxRssMiB} MiB; ${best.errors} errors`,
);
console.log(
  `target: >= 5000 records/s (10,000 records in <= 2 s): ${rate >= 5000 ? 'met' : 'NOT met'}`,
);

// The hostile-input corpus, timed: each must be refused well under a second.
const { HOSTILE_TIMINGS } = await import('./hostile-timings.ts');
const scratch = await mkdtemp(path.join(tmpdir(), 'capsule-hostile-'));
try {
  const timings = await HOSTILE_TIMINGS(scratch);
  console.table(timings);
} finally {
  await rm(scratch, { recursive: true, force: true });
}
