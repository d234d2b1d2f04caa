import * as path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { mapLimit } from '../util/map-limit.ts';
import { isMissing } from './archive-fs.ts';
import type { ArchiveFs, DirectoryEntry } from './archive-fs.ts';
import {
  ARCHIVE_FILE,
  COLLECTION_FILE,
  CONTENT_DIR,
  MAX_RECORD_DEPTH,
  NAME_PATTERN,
  RECORD_ENTRIES,
  RECORD_MARKDOWN,
  RECORD_YAML,
  joinPath,
} from './layout.ts';
import { fileDiagnostic } from './source.ts';
import type { FileOnDisk } from './types.ts';

/**
 * Finds an archive's collections and record folders under content/, without reading any
 * metadata. Symbolic links are refused wherever they appear: a record must be the files in it.
 */

export interface DiscoveredRecord {
  collection: string;
  slug: string;
  /** Relative to the archive root. */
  dir: string;
  metadataName: typeof RECORD_YAML | typeof RECORD_MARKDOWN;
  files: FileOnDisk[];
}

export interface DiscoveredCollection {
  name: string;
  dir: string;
  hasConfig: boolean;
}

export interface Discovery {
  hasArchiveConfig: boolean;
  collections: DiscoveredCollection[];
  records: DiscoveredRecord[];
  diagnostics: Diagnostic[];
}

const CONCURRENCY = 32;

export async function discoverArchive(root: string, fs: ArchiveFs): Promise<Discovery> {
  const discovery: Discovery = {
    hasArchiveConfig: false,
    collections: [],
    records: [],
    diagnostics: [],
  };
  let entries: DirectoryEntry[];
  try {
    entries = await fs.readdir(path.join(root, CONTENT_DIR));
  } catch (error) {
    if (!isMissing(error)) throw error;
    discovery.diagnostics.push(
      fileDiagnostic(
        CONTENT_DIR,
        'CAPSULE_ARCHIVE_CONFIG_MISSING',
        `There is no ${CONTENT_DIR}/ folder in ${root}.`,
        "Run the command from the archive repository's root, or pass --root <dir>.",
      ),
    );
    return discovery;
  }
  for (const entry of sorted(entries)) {
    const relative = joinPath(CONTENT_DIR, entry.name);
    if (entry.isSymbolicLink()) {
      discovery.diagnostics.push(symlinkDiagnostic(relative));
    } else if (entry.name === ARCHIVE_FILE && entry.isFile()) {
      discovery.hasArchiveConfig = true;
    } else if (entry.isDirectory() && !entry.name.startsWith('.')) {
      await discoverCollection(root, entry.name, fs, discovery);
    }
  }
  return discovery;
}

async function discoverCollection(
  root: string,
  name: string,
  fs: ArchiveFs,
  discovery: Discovery,
): Promise<void> {
  const dir = joinPath(CONTENT_DIR, name);
  const entries = sorted(await fs.readdir(path.join(root, dir)));
  const collection: DiscoveredCollection = { name, dir, hasConfig: false };
  const before = discovery.records.length;
  const subfolders: string[] = [];
  for (const entry of entries) {
    const relative = joinPath(dir, entry.name);
    if (entry.isSymbolicLink()) discovery.diagnostics.push(symlinkDiagnostic(relative));
    else if (entry.name === COLLECTION_FILE && entry.isFile()) collection.hasConfig = true;
    else if (entry.isDirectory() && !entry.name.startsWith('.')) subfolders.push(entry.name);
  }
  if (!NAME_PATTERN.test(name)) discovery.diagnostics.push(nameDiagnostic(dir, name, 'collection'));
  const found = await mapLimit(subfolders, CONCURRENCY, (sub) =>
    findRecords(root, name, [sub], fs, discovery),
  );
  for (const records of found) discovery.records.push(...records);
  if (collection.hasConfig || discovery.records.length > before)
    discovery.collections.push(collection);
  if (!collection.hasConfig && discovery.records.length > before) {
    discovery.diagnostics.push(
      fileDiagnostic(
        joinPath(dir, COLLECTION_FILE),
        'CAPSULE_COLLECTION_MISSING',
        `The folder ${dir}/ holds records but has no ${COLLECTION_FILE}.`,
        `Create ${dir}/${COLLECTION_FILE} with at least \`title\`, \`schemas\` and \`default_schema\` (copy one from another collection).`,
      ),
    );
  }
}

/** Looks for record folders below a collection, down to MAX_RECORD_DEPTH levels. */
async function findRecords(
  root: string,
  collection: string,
  segments: string[],
  fs: ArchiveFs,
  discovery: Discovery,
): Promise<DiscoveredRecord[]> {
  const dir = joinPath(CONTENT_DIR, collection, ...segments);
  const entries = sorted(await fs.readdir(path.join(root, dir)));
  const names = new Set(entries.map((entry) => entry.name));
  const last = segments[segments.length - 1] ?? '';
  if (!NAME_PATTERN.test(last)) discovery.diagnostics.push(nameDiagnostic(dir, last, 'record'));
  if (names.has(RECORD_YAML) || names.has(RECORD_MARKDOWN)) {
    if (names.has(RECORD_YAML) && names.has(RECORD_MARKDOWN)) {
      discovery.diagnostics.push(
        fileDiagnostic(
          joinPath(dir, RECORD_MARKDOWN),
          'CAPSULE_RECORD_FILE_CONFLICT',
          `${dir}/ has both ${RECORD_YAML} and ${RECORD_MARKDOWN}; Capsule read ${RECORD_YAML}.`,
          `Keep one: move the YAML into the front matter of ${RECORD_MARKDOWN}, or the documentation into README.md.`,
        ),
      );
    }
    const record: DiscoveredRecord = {
      collection,
      slug: segments.join('/'),
      dir,
      metadataName: names.has(RECORD_YAML) ? RECORD_YAML : RECORD_MARKDOWN,
      files: [],
    };
    await listRecordFiles(root, dir, '', entries, fs, record, discovery);
    return [record];
  }
  const records: DiscoveredRecord[] = [];
  for (const entry of entries) {
    const relative = joinPath(dir, entry.name);
    if (entry.isSymbolicLink()) {
      discovery.diagnostics.push(symlinkDiagnostic(relative));
    } else if (
      entry.isDirectory() &&
      !entry.name.startsWith('.') &&
      segments.length < MAX_RECORD_DEPTH
    ) {
      records.push(
        ...(await findRecords(root, collection, [...segments, entry.name], fs, discovery)),
      );
    } else if (entry.isFile() && !entry.name.startsWith('.') && entry.name !== 'README.md') {
      discovery.diagnostics.push(
        fileDiagnostic(
          relative,
          'CAPSULE_UNEXPECTED_FILE',
          `${relative} is not inside a record folder (no ${RECORD_YAML} or ${RECORD_MARKDOWN} beside it).`,
          `Add a ${RECORD_YAML} to ${dir}/ to make it a record, or move the file into a record's files/ folder.`,
          'warning',
        ),
      );
    }
  }
  return records;
}

async function listRecordFiles(
  root: string,
  recordDir: string,
  sub: string,
  entries: DirectoryEntry[],
  fs: ArchiveFs,
  record: DiscoveredRecord,
  discovery: Discovery,
): Promise<void> {
  for (const entry of entries) {
    const inner = joinPath(sub, entry.name);
    const relative = joinPath(recordDir, inner);
    if (entry.isSymbolicLink()) {
      discovery.diagnostics.push(symlinkDiagnostic(relative));
      continue;
    }
    if (sub === '' && !RECORD_ENTRIES.has(entry.name) && !entry.name.startsWith('.')) {
      discovery.diagnostics.push(
        fileDiagnostic(
          relative,
          'CAPSULE_UNEXPECTED_FILE',
          `${relative} is not one of the entries a record folder holds (${[...RECORD_ENTRIES].join(', ')}).`,
          `Move it to ${recordDir}/files/${entry.name} and list it under \`files\` in the record.`,
          'warning',
        ),
      );
    }
    if (entry.isDirectory()) {
      const children = sorted(await fs.readdir(path.join(root, relative)));
      if (
        sub !== '' &&
        children.some((child) => child.name === RECORD_YAML || child.name === RECORD_MARKDOWN)
      ) {
        discovery.diagnostics.push(
          fileDiagnostic(
            relative,
            'CAPSULE_NESTED_RECORD',
            `${relative}/ is a record folder inside the record ${recordDir}/.`,
            'Move it next to the other records of the collection; records cannot contain records.',
          ),
        );
      }
      await listRecordFiles(root, recordDir, inner, children, fs, record, discovery);
    } else if (entry.isFile()) {
      // The metadata file is read whole anyway: its size is filled in then, saving a stat per record.
      const size =
        inner === record.metadataName ? -1 : (await fs.lstat(path.join(root, relative))).size;
      record.files.push({ path: inner, size });
    }
  }
}

function sorted(entries: DirectoryEntry[]): DirectoryEntry[] {
  return [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function symlinkDiagnostic(relative: string): Diagnostic {
  return fileDiagnostic(
    relative,
    'CAPSULE_SYMLINK',
    `${relative} is a symbolic link.`,
    'Replace the link with the real file or folder; an archive preserves files, not pointers to them.',
  );
}

function nameDiagnostic(dir: string, name: string, what: 'collection' | 'record'): Diagnostic {
  const suggestion =
    name
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'my-analysis';
  return fileDiagnostic(
    dir,
    'CAPSULE_INVALID_NAME',
    `The ${what} folder name \`${name}\` is not lowercase letters, digits and dashes; it becomes part of ids and web addresses.`,
    `Rename the folder, e.g. \`git mv ${dir} ${dir.slice(0, dir.length - name.length)}${suggestion}\`.`,
  );
}
