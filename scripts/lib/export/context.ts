import type { LoadedArchive } from '../records/load-archive.ts';
import { recordPageUrl } from '../records/page-url.ts';
import type { RecordMetadata, ValidRecord } from '../records/types.ts';
import { text } from '../validate/data.ts';
import type { DataciteContext } from './datacite.ts';

/**
 * What every export needs besides the record: where it lives on the site, who publishes it,
 * which day this version counts as published, and (for RO-Crate and BagIt) the files of the
 * record folder. Built once from the loaded archive; the export functions stay pure.
 */
export interface ExportContext extends DataciteContext {
  /** `<collection>/<slug>`. */
  recordId: string;
  collection: string;
  /** The archive's name and site, for catalogue links (schema.org, OAI-PMH). */
  archiveName: string;
  siteUrl: string;
  /** Every file of the record folder, relative to it, with the sha256 the record lists if any. */
  files: Array<{ path: string; size: number; sha256?: string }>;
  /** The URL a file of the record is served at. */
  fileUrl(path: string): string;
}

/** The version date: when the record was last updated, else created. */
export function versionDate(record: Pick<RecordMetadata, 'created' | 'updated'>): string {
  return record.updated ?? record.created;
}

export function exportContext(
  record: ValidRecord,
  archive: Pick<LoadedArchive, 'config' | 'records'>,
  today: string,
): ExportContext {
  const config = archive.config?.data;
  const siteUrl = text(config, 'site_url') ?? 'https://archive.invalid/';
  const archiveName = text(config, 'name') ?? 'Capsule archive';
  const pageUrl = recordPageUrl(siteUrl, record.id);
  const listed = new Map((record.metadata.files ?? []).map((file) => [file.path, file.sha256]));
  const relatedRecordDois: string[] = [];
  for (const id of record.metadata.related_records ?? []) {
    const other = archive.records.find((candidate) => candidate.id === id);
    const doi = text(other?.data, 'concept_doi') ?? text(other?.data, 'doi');
    if (doi) relatedRecordDois.push(doi);
  }
  const context: ExportContext = {
    recordId: record.id,
    collection: record.collection,
    archiveName,
    siteUrl,
    pageUrl,
    publisher: text(config, 'publisher') ?? archiveName,
    published: versionDate(record.metadata),
    relatedRecordDois,
    today,
    files: record.files.map((file) => {
      const sha256 = listed.get(file.path);
      return sha256
        ? { path: file.path, size: file.size, sha256 }
        : { path: file.path, size: file.size };
    }),
    fileUrl: (path) => `${pageUrl}${path.split('/').map(encodeURIComponent).join('/')}`,
  };
  const defaultLicense = text(config, 'default_license');
  if (defaultLicense) context.defaultLicense = defaultLicense;
  return context;
}

/** A DOI as a resolvable URL. */
export function doiUrl(doi: string): string {
  return `https://doi.org/${doi}`;
}
