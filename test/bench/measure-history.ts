import { openRepository } from '../../scripts/lib/git/repository.ts';
import { buildHistoryIndex } from '../../scripts/lib/history/build-index.ts';

/** One measured history pass over a repository, printed as JSON for history.bench.ts. */
const root = process.argv[2] as string;
const repository = openRepository(root);
if (!repository) throw new Error(`${root} is not a git repository`);
const started = performance.now();
const index = await buildHistoryIndex(repository);
const ms = performance.now() - started;
const histories = [...Object.values(index.records), ...index.removed];
process.stdout.write(
  JSON.stringify({
    ms: Math.round(ms),
    records: Object.keys(index.records).length,
    removed: index.removed.length,
    revisions: histories.reduce((sum, history) => sum + history.revisions.length, 0),
    moves: histories.reduce(
      (sum, history) => sum + history.revisions.filter((r) => r.kind === 'moved').length,
      0,
    ),
    fieldChanges: histories.reduce(
      (sum, history) => sum + history.revisions.reduce((n, r) => n + r.changes.length, 0),
      0,
    ),
    maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
