import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

/**
 * Writes a file so that a reader, or a crash, never sees it half-written: the content goes to a
 * temporary file beside it, which then replaces the target in one rename.
 */
export async function writeFileAtomic(target: string, content: string | Uint8Array): Promise<void> {
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    await writeFile(temporary, content);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
