import { lstatSync, readFileSync, readdirSync } from 'node:fs';

/**
 * The file-system calls the record store makes, passed in so that the store itself stays free of
 * I/O choices (tests and the history index hand in other implementations).
 */
export interface DirectoryEntry {
  name: string;
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

export interface ArchiveFs {
  readFile(path: string): Promise<Uint8Array>;
  readdir(path: string): Promise<DirectoryEntry[]>;
  lstat(path: string): Promise<{
    size: number;
    isFile(): boolean;
    isDirectory(): boolean;
    isSymbolicLink(): boolean;
  }>;
}

/**
 * The real file system. Reads are synchronous under the promise interface: an archive is many
 * small files, and a thread-pool round trip per file costs more than the read itself.
 */
export const nodeArchiveFs: ArchiveFs = {
  readFile: async (path) => readFileSync(path),
  readdir: async (path) => readdirSync(path, { withFileTypes: true }),
  lstat: async (path) => lstatSync(path),
};

/** Whether an error is "no such file or directory". */
export function isMissing(error: unknown): boolean {
  return (
    (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT' ||
    (error as NodeJS.ErrnoException | undefined)?.code === 'ENOTDIR'
  );
}
