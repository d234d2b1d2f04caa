import * as nodeFs from 'node:fs/promises';

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
  lstat(
    path: string,
  ): Promise<{
    size: number;
    isFile(): boolean;
    isDirectory(): boolean;
    isSymbolicLink(): boolean;
  }>;
}

export const nodeArchiveFs: ArchiveFs = {
  readFile: (path) => nodeFs.readFile(path),
  readdir: (path) => nodeFs.readdir(path, { withFileTypes: true }),
  lstat: (path) => nodeFs.lstat(path),
};

/** Whether an error is "no such file or directory". */
export function isMissing(error: unknown): boolean {
  return (
    (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT' ||
    (error as NodeJS.ErrnoException | undefined)?.code === 'ENOTDIR'
  );
}
