import * as path from 'node:path';
import { UsageError } from './command.ts';

/**
 * Turns PATH arguments into a test on record folders: a path selects the records at, below, or
 * around it (a collection, a record folder, or a file inside a record).
 */
export function selectByPaths(
  root: string,
  cwd: string,
  paths: readonly string[],
  recordDirs: readonly string[],
): ((dir: string) => boolean) | undefined {
  if (paths.length === 0) return undefined;
  const wanted = paths.map((input) => {
    const relative = path
      .relative(root, path.resolve(cwd, input))
      .split(path.sep)
      .join('/')
      .replace(/\/$/, '');
    if (relative.startsWith('..'))
      throw new UsageError(`${input} is outside the archive at ${root}.`);
    return relative;
  });
  const matches = (dir: string, wantedPath: string) =>
    wantedPath === '' ||
    dir === wantedPath ||
    dir.startsWith(`${wantedPath}/`) ||
    wantedPath.startsWith(`${dir}/`);
  for (const [index, wantedPath] of wanted.entries()) {
    if (
      !recordDirs.some((dir) => matches(dir, wantedPath)) &&
      !/\/record\.(yaml|md)$/.test(wantedPath)
    ) {
      throw new UsageError(`${paths[index]} holds no record.`);
    }
  }
  return (dir) =>
    wanted.some(
      (wantedPath) => matches(dir, wantedPath) || wantedPath.startsWith(`${dir}/record.`),
    );
}
