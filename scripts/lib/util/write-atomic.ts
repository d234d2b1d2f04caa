import { randomBytes } from 'node:crypto';
import { open, rename, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

/**
 * Writes a file so that a reader, or a crash, never sees it half-written: the content goes to a
 * temporary file beside it, which then replaces the target in one rename. With `durable`, the
 * data and the rename are flushed to disk before it returns (for journals that must survive a
 * power loss, not only a killed process).
 */
export async function writeFileAtomic(
  target: string,
  content: string | Uint8Array,
  options: { durable?: boolean } = {},
): Promise<void> {
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    if (options.durable) {
      const handle = await open(temporary, 'w');
      try {
        await handle.writeFile(content);
        await handle.sync();
      } finally {
        await handle.close();
      }
    } else {
      await writeFile(temporary, content);
    }
    await rename(temporary, target);
    if (options.durable) await syncDirectory(path.dirname(target));
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch {
    // Some file systems cannot sync a directory; the rename is still atomic.
  } finally {
    await handle.close();
  }
}
