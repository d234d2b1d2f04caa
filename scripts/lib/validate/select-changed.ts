import { ARCHIVE_FILE, COLLECTION_FILE, CONTENT_DIR, SCHEMAS_DIR } from '../records/layout.ts';

/**
 * Which records a set of changed files calls for checking: a record whose folder holds a changed
 * file; every record of a collection whose collection.yaml changed (its allowed schemas and
 * access defaults apply to them all); every record when a schema or the archive settings changed.
 */
export interface ChangedSelection {
  select: (recordDir: string) => boolean;
  /** Why every record is selected, if so. */
  everything?: string;
}

export function selectChanged(files: readonly string[]): ChangedSelection {
  const schemaChange = files.find((file) => file.startsWith(`${SCHEMAS_DIR}/`));
  if (schemaChange)
    return {
      select: () => true,
      everything: `${schemaChange} changed, and schemas apply to every record`,
    };
  const archiveFile = `${CONTENT_DIR}/${ARCHIVE_FILE}`;
  if (files.includes(archiveFile))
    return {
      select: () => true,
      everything: `${archiveFile} changed, and it applies to every record`,
    };

  const collections = new Set<string>();
  // Every folder holding a changed file: a record is selected when its folder is one of them.
  const folders = new Set<string>();
  for (const file of files) {
    const parts = file.split('/');
    if (parts[0] !== CONTENT_DIR) continue;
    if (parts.length === 3 && parts[2] === COLLECTION_FILE) collections.add(parts[1] as string);
    for (let end = 2; end < parts.length; end++) folders.add(parts.slice(0, end).join('/'));
  }
  return {
    select: (dir) => folders.has(dir) || collections.has(dir.split('/')[1] as string),
  };
}
