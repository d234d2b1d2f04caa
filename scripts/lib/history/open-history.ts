import { mkdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { ObjectReader } from '../git/objects.ts';
import { resolveCommit } from '../git/refs.ts';
import { openRepository, shallowBoundary } from '../git/repository.ts';
import type { Repository } from '../git/repository.ts';
import { writeFileAtomic } from '../util/write-atomic.ts';
import { INDEX_GENERATION, buildHistoryIndex } from './build-index.ts';
import type { BuildOptions } from './build-index.ts';
import { recordAt } from './query.ts';
import type { RecordState } from './read-record.ts';
import type { HistoryIndex, Revision } from './types.ts';

/**
 * An archive's history, ready for questions: the index, and the record as it was in any
 * revision. The index is kept in `.capsule/history.json` (git-ignored) and rebuilt when the
 * head commit, the clone's depth or the index format changed.
 */
export interface ArchiveHistory {
  repository: Repository;
  index: HistoryIndex;
  /** Whether the index came from the cache file. */
  cached: boolean;
  recordAt(revision: Revision): Promise<RecordState | undefined>;
  close(): void;
}

export class NotARepositoryError extends Error {
  constructor(root: string) {
    super(`${root} is not inside a git repository, and record history is git history.`);
  }
}

export interface OpenHistoryOptions extends BuildOptions {
  /** The cache file; `false` to build afresh without writing one. Default `<root>/.capsule/history.json`. */
  cacheFile?: string | false;
}

interface CacheFile {
  generator: string;
  index: HistoryIndex;
}

export async function openHistory(
  archiveRoot: string,
  options: OpenHistoryOptions = {},
): Promise<ArchiveHistory> {
  const repository = openRepository(archiveRoot);
  if (!repository) throw new NotARepositoryError(archiveRoot);
  const generator = `capsule-history/${INDEX_GENERATION}`;
  const cacheFile =
    options.cacheFile === false
      ? undefined
      : (options.cacheFile ?? path.join(archiveRoot, '.capsule', 'history.json'));
  const head = await resolveCommit(repository, options.ref ?? 'HEAD');
  const boundary = shallowBoundary(repository).join(',');

  let index: HistoryIndex | undefined;
  if (cacheFile) {
    try {
      const cache = JSON.parse(await readFile(cacheFile, 'utf8')) as CacheFile;
      if (
        cache.generator === generator &&
        cache.index.format === 1 &&
        cache.index.head.commit === head &&
        cache.index.prefix === repository.prefix &&
        cache.index.shallowBoundary.join(',') === boundary
      ) {
        index = { ...cache.index, head: { commit: head, ref: options.ref ?? 'HEAD' } };
      }
    } catch {
      // no usable cache: build below
    }
  }
  const cached = index !== undefined;
  if (!index) {
    index = await buildHistoryIndex(repository, options);
    if (cacheFile) {
      try {
        await mkdir(path.dirname(cacheFile), { recursive: true });
        await writeFileAtomic(cacheFile, JSON.stringify({ generator, index } satisfies CacheFile));
      } catch {
        // The cache only saves time: a read-only checkout builds the index again next time.
      }
    }
  }
  const objects = new ObjectReader(repository);
  return {
    repository,
    index,
    cached,
    recordAt: (revision) => recordAt(objects, revision),
    close: () => objects.close(),
  };
}
