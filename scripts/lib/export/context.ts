import type { LoadedArchive } from '../records/load-archive.ts';
import { recordPageUrl } from '../records/page-url.ts';
import type { RecordMetadata, ValidRecord } from '../records/types.ts';
import { isMap, text } from '../validate/data.ts';
import type { DataciteContext } from './datacite.ts';

/**
 * What every export needs besides the record: where it lives on the site, who publishes it,
 * which day this version counts as published, and (for RO-Crate and BagIt) the files of the
 * record folder. Built once per record, by the CLI from the loaded archive (exportContext) and
 * by the site from what its loader gave it (site/exports.ts); the export functions stay pure.
 */
export interface ExportContext extends DataciteContext {
  /** `<collection>/<slug>`. */
  recordId: string;
  collection: string;
  /** The archive's name and site, for catalogue links (schema.org, OAI-PMH). */
  archiveName: string;
  siteUrl: string;
  /** The files the export describes or packages, relative to the record folder, with the sha256 the record lists if any. */
  files: Array<{ path: string; size: number; sha256?: string }>;
  /** The URL a file of the record is served at. */
  fileUrl(path: string): string;
}

/** The archive-wide part of every context: content/archive.yaml's names and the site's URL. */
export interface ExportPublisher {
  siteUrl: string;
  archiveName: string;
  publisher: string;
  defaultLicense?: string;
}

/** One record as an export sees it: its metadata and the files that go along with it. */
export interface ExportSource {
  id: string;
  collection: string;
  metadata: RecordMetadata;
  files: ReadonlyArray<{ path: string; size: number }>;
  /** DOIs (concept DOI first) of the related records the export may name. */
  relatedRecordDois: readonly string[];
}

/** The version date: when the record was last updated, else created. */
export function versionDate(record: Pick<RecordMetadata, 'created' | 'updated'>): string {
  return record.updated ?? record.created;
}

/** The publisher part from archive.yaml's data; `siteUrl` overrides its `site_url`. */
export function exportPublisher(config: unknown, siteUrl?: string): ExportPublisher {
  const data = isMap(config) ? config : undefined;
  const archiveName = text(data, 'name') ?? 'Capsule archive';
  const publisher: ExportPublisher = {
    siteUrl: siteUrl ?? text(data, 'site_url') ?? 'https://archive.invalid/',
    archiveName,
    publisher: text(data, 'publisher') ?? archiveName,
  };
  const defaultLicense = text(data, 'default_license');
  if (defaultLicense) publisher.defaultLicense = defaultLicense;
  return publisher;
}

/** A related record's DOI, for DataCite's relatedIdentifiers: its concept DOI, else its DOI. */
export function recordDoi(data: unknown): string | undefined {
  const map = isMap(data) ? data : undefined;
  return text(map, 'concept_doi') ?? text(map, 'doi');
}

export function buildExportContext(
  source: ExportSource,
  publisher: ExportPublisher,
  today: string,
): ExportContext {
  const pageUrl = recordPageUrl(publisher.siteUrl, source.id);
  const base = publisher.siteUrl.endsWith('/') ? publisher.siteUrl : `${publisher.siteUrl}/`;
  const listed = new Map((source.metadata.files ?? []).map((file) => [file.path, file.sha256]));
  const context: ExportContext = {
    recordId: source.id,
    collection: source.collection,
    archiveName: publisher.archiveName,
    siteUrl: publisher.siteUrl,
    pageUrl,
    publisher: publisher.publisher,
    published: versionDate(source.metadata),
    relatedRecordDois: [...source.relatedRecordDois],
    today,
    files: source.files.map((file) => {
      const sha256 = listed.get(file.path);
      return sha256
        ? { path: file.path, size: file.size, sha256 }
        : { path: file.path, size: file.size };
    }),
    // Where the site serves a record's files (site/lib/urls.ts fileUrl).
    fileUrl: (path) =>
      `${base}files/${source.id}/${path.split('/').map(encodeURIComponent).join('/')}`,
  };
  if (publisher.defaultLicense) context.defaultLicense = publisher.defaultLicense;
  return context;
}

/**
 * The CLI's context: every file of the record folder, related records' DOIs from the whole
 * archive. For internal use (the command says so for records that are not public); the site
 * builds its own from the redacted records it may show.
 */
export function exportContext(
  record: ValidRecord,
  archive: Pick<LoadedArchive, 'config' | 'records'>,
  today: string,
): ExportContext {
  const byId = new Map(archive.records.map((candidate) => [candidate.id, candidate]));
  const relatedRecordDois = (record.metadata.related_records ?? []).flatMap((id) => {
    const doi = recordDoi(byId.get(id)?.data);
    return doi ? [doi] : [];
  });
  return buildExportContext(
    {
      id: record.id,
      collection: record.collection,
      metadata: record.metadata,
      files: record.files,
      relatedRecordDois,
    },
    exportPublisher(archive.config?.data),
    today,
  );
}

/** A DOI as a resolvable URL. */
export function doiUrl(doi: string): string {
  return `https://doi.org/${doi}`;
}
