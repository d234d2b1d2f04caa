/** Where things live in an archive repository. */
export const CONTENT_DIR = 'content';
export const SCHEMAS_DIR = 'schemas';
export const ARCHIVE_FILE = 'archive.yaml';
export const COLLECTION_FILE = 'collection.yaml';
export const RECORD_YAML = 'record.yaml';
export const RECORD_MARKDOWN = 'record.md';
export const PRESERVED_FILES_DIR = 'files';

/** Entries a record folder may hold besides its metadata file. */
export const RECORD_ENTRIES = new Set([
  RECORD_YAML,
  RECORD_MARKDOWN,
  'README.md',
  PRESERVED_FILES_DIR,
  'reana.yaml',
  'hepdata',
]);

/** Folder names for collections and records: they become ids and URLs. */
export const NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** A record may sit up to this many folders below its collection (sharding big collections). */
export const MAX_RECORD_DEPTH = 3;

export const RECORD_ID_PATTERN = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)+$/;

export function joinPath(...parts: string[]): string {
  return parts.filter((part) => part !== '').join('/');
}
