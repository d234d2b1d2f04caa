import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { RuleContext } from './rule.ts';

/** Reads a file of the archive through the rule context, or from disk under the archive root. */
export function readArchiveFile(context: RuleContext, file: string): Promise<Uint8Array> {
  return context.readFile
    ? context.readFile(file)
    : readFile(path.join(context.archive.root, file));
}
