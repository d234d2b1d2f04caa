import type { BagFile, BagReader } from './bagit.ts';
import { unzipArchive, zipArchive } from './zip.ts';

/**
 * A bag serialized as one ZIP file (RFC 8493 section 4): the archive unpacks into a single
 * folder named after the bag, holding the bag. The site publishes bags this way, one download.
 */
export function serializeBag(files: readonly BagFile[], name: string, day: string): Buffer {
  if (!/^[A-Za-z0-9._-]+$/.test(name) || name === '.' || name === '..')
    throw new Error(`The bag name ${JSON.stringify(name)} is not a plain folder name.`);
  return zipArchive(
    files.map((file) => ({ path: `${name}/${file.path}`, bytes: file.bytes })),
    day,
  );
}

/** A serialized bag read back (for verifyBag): the files inside its one top-level folder. */
export function zippedBagReader(bytes: Uint8Array): BagReader & { name: string } {
  const entries = unzipArchive(bytes);
  const names = new Set(entries.map((entry) => entry.path.split('/')[0]));
  if (names.size !== 1)
    throw new Error(`A serialized bag unpacks into one folder; this one holds ${names.size}.`);
  const name = [...names][0] as string;
  const files = new Map(entries.map((entry) => [entry.path.slice(name.length + 1), entry.bytes]));
  return {
    name,
    list: async () => [...files.keys()],
    read: async (path) => {
      const content = files.get(path);
      if (!content) throw new Error(`${path} is not in the bag.`);
      return content;
    },
  };
}

/** `cms/higgs-tautau-2016` → `cms-higgs-tautau-2016`: a record id as a bag (folder) name. */
export function bagName(recordId: string): string {
  return recordId.replace(/[^A-Za-z0-9._-]+/g, '-');
}
