import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { ArchiveRecord } from '../records/types.ts';

/**
 * The files a record deposits on Zenodo: everything in its folder (the metadata file, README.md,
 * the preserved files, the workflow, the HEPData tables), keyed by their path in the folder so
 * the deposit has the record's layout. Each carries the md5 Zenodo reports, to skip files it
 * already has.
 */
export interface UploadFile {
  /** The key in the deposition: the path inside the record folder, with `/`. */
  key: string;
  /** Absolute path on disk. */
  file: string;
  size: number;
  md5: string;
}

export async function uploadSet(root: string, record: ArchiveRecord): Promise<UploadFile[]> {
  const out: UploadFile[] = [];
  for (const found of [...record.files].sort((a, b) => a.path.localeCompare(b.path))) {
    const file = path.join(root, record.dir, found.path);
    const bytes = await readFile(file);
    out.push({ key: found.path, file, size: bytes.byteLength, md5: md5(bytes) });
  }
  return out;
}

export function md5(bytes: Uint8Array): string {
  return createHash('md5').update(bytes).digest('hex');
}
