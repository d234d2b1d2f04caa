import * as path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { mapLimit } from '../util/map-limit.ts';
import { nodeArchiveFs } from './archive-fs.ts';
import type { ArchiveFs } from './archive-fs.ts';
import { discoverArchive } from './discover.ts';
import type { DiscoveredRecord } from './discover.ts';
import { ARCHIVE_FILE, COLLECTION_FILE, CONTENT_DIR, RECORD_YAML, joinPath } from './layout.ts';
import { readMarkdownMetadata, readYamlMetadata } from './read-metadata.ts';
import type { ReadMetadata } from './read-metadata.ts';
import { fileDiagnostic } from './source.ts';
import type { MetadataFile } from './source.ts';
import type { ArchiveRecord, Collection, UnknownMap } from './types.ts';

/** An archive as read from disk: parsed, not yet validated. */
export interface LoadedArchive {
  root: string;
  config: { file: MetadataFile; data: UnknownMap } | undefined;
  collections: Map<string, Collection>;
  records: ArchiveRecord[];
  /** Problems met while reading: layout, encoding, YAML. */
  diagnostics: Diagnostic[];
}

export interface LoadOptions {
  fs?: ArchiveFs;
  /** Keep comments in the YAML trees, for commands that rewrite files. */
  trivia?: boolean;
  /** Called as records are read. */
  onProgress?: (done: number, total: number) => void;
}

const CONCURRENCY = 64;

export async function loadArchive(root: string, options: LoadOptions = {}): Promise<LoadedArchive> {
  const fs = options.fs ?? nodeArchiveFs;
  const read = { trivia: options.trivia ?? false };
  const discovery = await discoverArchive(root, fs);
  const diagnostics = [...discovery.diagnostics];

  let config: LoadedArchive['config'];
  const archivePath = joinPath(CONTENT_DIR, ARCHIVE_FILE);
  if (discovery.hasArchiveConfig) {
    const result = readYamlMetadata(
      archivePath,
      await fs.readFile(path.join(root, archivePath)),
      read,
    );
    diagnostics.push(...result.diagnostics);
    if (result.data && result.file) config = { file: result.file, data: result.data };
  } else if (diagnostics.every((d) => d.code !== 'CAPSULE_ARCHIVE_CONFIG_MISSING')) {
    diagnostics.push(
      fileDiagnostic(
        archivePath,
        'CAPSULE_ARCHIVE_CONFIG_MISSING',
        `${archivePath} is missing.`,
        `Create ${archivePath} with the archive's \`name\`, \`site_url\` and \`public_repository\` (see README, "The archive file").`,
      ),
    );
  }

  const collections = new Map<string, Collection>();
  for (const found of discovery.collections) {
    if (!found.hasConfig) continue;
    const file = joinPath(found.dir, COLLECTION_FILE);
    const result = readYamlMetadata(file, await fs.readFile(path.join(root, file)), read);
    diagnostics.push(...result.diagnostics);
    if (result.data && result.file)
      collections.set(found.name, {
        name: found.name,
        dir: found.dir,
        metadataFile: result.file,
        data: result.data,
      });
  }

  let done = 0;
  const total = discovery.records.length;
  const results = await mapLimit(discovery.records, CONCURRENCY, async (found) => {
    const result = await readRecord(root, found, fs, read);
    options.onProgress?.(++done, total);
    return result;
  });
  const records: ArchiveRecord[] = [];
  for (const { record, diagnostics: recordDiagnostics } of results) {
    diagnostics.push(...recordDiagnostics);
    if (record) records.push(record);
  }
  return { root, config, collections, records, diagnostics };
}

async function readRecord(
  root: string,
  found: DiscoveredRecord,
  fs: ArchiveFs,
  read: { trivia: boolean },
): Promise<{ record?: ArchiveRecord; diagnostics: Diagnostic[] }> {
  const file = joinPath(found.dir, found.metadataName);
  const bytes = await fs.readFile(path.join(root, file));
  const metadataEntry = found.files.find((entry) => entry.path === found.metadataName);
  if (metadataEntry) metadataEntry.size = bytes.length;
  const isYaml = found.metadataName === RECORD_YAML;
  const result: ReadMetadata = isYaml
    ? readYamlMetadata(file, bytes, read)
    : readMarkdownMetadata(file, bytes, read);
  if (!result.data || !result.file) return { diagnostics: result.diagnostics };
  const record: ArchiveRecord = {
    id: `${found.collection}/${found.slug}`,
    collection: found.collection,
    slug: found.slug,
    dir: found.dir,
    metadataFile: result.file,
    format: isYaml ? 'yaml' : 'markdown',
    data: result.data,
    files: found.files,
  };
  if (result.body !== undefined) record.body = result.body;
  return { record, diagnostics: result.diagnostics };
}
