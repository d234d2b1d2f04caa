import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './command.ts';

/**
 * The archive repository's root: --root if given, else the nearest folder at or above the
 * working directory that has both content/ and schemas/.
 */
export function findArchiveRoot(cwd: string, explicit: string | undefined): string {
  if (explicit) {
    const root = path.resolve(cwd, explicit);
    if (!existsSync(path.join(root, 'content')))
      throw new UsageError(`--root ${explicit}: there is no content/ folder in ${root}.`);
    return root;
  }
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'content')) && existsSync(path.join(dir, 'schemas'))) return dir;
    if (path.dirname(dir) === dir) break;
  }
  throw new UsageError(
    'No archive here: no folder at or above this one has both content/ and schemas/. Run inside an archive repository or pass --root <dir>.',
  );
}

export const ROOT_OPTION = {
  root: {
    type: 'string',
    value: '<dir>',
    description: 'The archive repository (default: the nearest folder with content/ and schemas/).',
  },
} as const;
