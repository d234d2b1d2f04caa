import { mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { BagFile, BagReader } from './bagit.ts';

/**
 * A bag on disk. Written into a temporary folder beside the target and renamed into place, so
 * the target is either a whole bag or absent; an existing non-empty folder is never touched.
 */
export async function writeBagDirectory(target: string, files: readonly BagFile[]): Promise<void> {
  const existing = await readdir(target).catch(() => undefined);
  if (existing && existing.length > 0) throw new Error(`${target} exists and is not empty.`);
  await mkdir(path.dirname(path.resolve(target)), { recursive: true });
  const temporary = await mkdtemp(`${path.resolve(target)}.partial-`);
  try {
    for (const file of files) {
      const destination = path.join(temporary, ...file.path.split('/'));
      await mkdir(path.dirname(destination), { recursive: true });
      await writeFile(destination, file.bytes);
    }
    if (existing) await rm(target, { recursive: true });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
}

export function bagDirectoryReader(root: string): BagReader {
  return {
    async list() {
      const out: string[] = [];
      const walk = async (relative: string) => {
        for (const entry of await readdir(path.join(root, relative), { withFileTypes: true })) {
          const child = relative ? `${relative}/${entry.name}` : entry.name;
          if (entry.isDirectory()) await walk(child);
          else if (entry.isFile()) out.push(child);
        }
      };
      if ((await stat(root)).isDirectory()) await walk('');
      return out;
    },
    read: (relative) => readFile(path.join(root, ...relative.split('/'))),
  };
}
