import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { LoadedArchive } from '../records/load-archive.ts';
import { list } from '../validate/data.ts';
import { normalisePath, pathProblem } from '../validate/paths.ts';
import { listedFiles } from '../validate/rules/listed-files.ts';
import { fileHasher } from '../validate/sha256.ts';

/**
 * The fixity audit: every file a record preserves is read in full and its size and sha256
 * compared with what the record states — the same rule `capsule validate` applies, run on its
 * own over the whole archive on a schedule, so that silent corruption (a bad disk, a botched
 * rewrite of history) is found even when nobody touched the record.
 */
export interface FixityReport {
  records: number;
  files: number;
  bytes: number;
  diagnostics: Diagnostic[];
}

export async function auditFixity(
  archive: LoadedArchive,
  onProgress?: (done: number, total: number) => void,
): Promise<FixityReport> {
  const sha256 = fileHasher(archive.root);
  const diagnostics: Diagnostic[] = [];
  let files = 0;
  let bytes = 0;
  let done = 0;
  for (const record of archive.records) {
    const context = {
      archive,
      config: archive.config?.data,
      draft: false,
      sha256,
      collection: archive.collections.get(record.collection),
    };
    diagnostics.push(...(await listedFiles(record, context)));
    const onDisk = new Map(record.files.map((file) => [file.path, file.size]));
    for (const entry of list(record.data, 'files')) {
      const listed = (entry as { path?: unknown }).path;
      if (typeof listed !== 'string' || pathProblem(listed)) continue;
      const size = onDisk.get(normalisePath(listed));
      if (size === undefined) continue;
      files++;
      bytes += size;
    }
    onProgress?.(++done, archive.records.length);
  }
  return { records: archive.records.length, files, bytes, diagnostics };
}
