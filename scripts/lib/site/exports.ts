import * as path from 'node:path';
import { serializeBag, bagName } from '../export/bag-zip.ts';
import { buildExportContext, recordDoi } from '../export/context.ts';
import type { ExportContext, ExportPublisher } from '../export/context.ts';
import { recordBag } from '../export/record-bag.ts';
import { renderExport } from '../export/render.ts';
import type { TextFormat } from '../export/render.ts';
import type { ArchiveFs } from '../records/archive-fs.ts';
import type { SiteRecord } from './types.ts';

/**
 * A record's exports on the site: the same functions as `capsule export`, fed with what the
 * loader gave the site — the metadata redacted for the audience, related records' DOIs only of
 * records the site shows, and only the files the site serves (the raw record file, which holds
 * what redaction removes, never goes along). Published under api/records/<id>/ beside the
 * record's JSON, linked from the record page and listed in that JSON. The OAI-PMH records
 * (oai_dc, oai_datacite) are not among them: the repository's GetRecord files are those records
 * (oai-repository.ts), so a second copy per record would only cost a build thousands of files.
 */
export type ExportFormatId = Exclude<TextFormat, 'oai_dc' | 'oai_datacite'> | 'bagit';

export interface ExportFormat {
  id: ExportFormatId;
  /** The file name under api/records/<collection>/<slug>/. */
  file: string;
  label: string;
  /** The media type the file is served as (static-server.ts knows its extension). */
  mediaType: string;
  /** What it is for, in a sentence, for the record page and the API page. */
  about: string;
}

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  {
    id: 'datacite',
    file: 'datacite.json',
    label: 'DataCite JSON',
    mediaType: 'application/json',
    about: 'The DOI metadata (DataCite Metadata Schema 4.5), as sent to register a DOI.',
  },
  {
    id: 'jsonld',
    file: 'schema-org.jsonld',
    label: 'schema.org JSON-LD',
    mediaType: 'application/ld+json',
    about: 'A schema.org Dataset, as search engines and dataset catalogues read it.',
  },
  {
    id: 'bibtex',
    file: 'citation.bib',
    label: 'BibTeX',
    mediaType: 'application/x-bibtex',
    about: 'A @misc entry for a LaTeX bibliography.',
  },
  {
    id: 'cff',
    file: 'CITATION.cff',
    label: 'Citation File Format',
    mediaType: 'application/yaml',
    about: 'CITATION.cff (CFF 1.2.0), to put beside the analysis code so people cite the record.',
  },
  {
    id: 'codemeta',
    file: 'codemeta.json',
    label: 'CodeMeta',
    mediaType: 'application/json',
    about: 'codemeta.json (CodeMeta 3.0) describing the analysis code and its repositories.',
  },
  {
    id: 'rocrate',
    file: 'ro-crate-metadata.json',
    label: 'RO-Crate metadata',
    mediaType: 'application/json',
    about:
      'ro-crate-metadata.json (RO-Crate 1.1): the record and its published files as a research object. The BagIt package holds it together with the files.',
  },
  {
    id: 'latex',
    file: 'tables.tex',
    label: 'LaTeX tables',
    mediaType: 'application/x-tex',
    about: 'The key facts, the datasets and the HEPData tables as LaTeX tabular environments.',
  },
  {
    id: 'bagit',
    file: 'bagit.zip',
    label: 'BagIt package (ZIP)',
    mediaType: 'application/zip',
    about:
      'A BagIt (RFC 8493) package for long-term preservation: the published files, the RO-Crate and DataCite metadata, with SHA-512 manifests.',
  },
];

/** The site path of a record's export: `api/records/<collection>/<slug>/<file>`. */
export function exportPath(recordId: string, format: ExportFormat): string {
  return `api/records/${recordId}/${format.file}`;
}

/** The export context of a record as the site shows it. */
export function siteExportContext(
  record: SiteRecord,
  publisher: ExportPublisher,
  shown: ReadonlyMap<string, SiteRecord>,
  day: string,
): ExportContext {
  // The loader already dropped related records this audience cannot see; look them up anyway.
  const relatedRecordDois = (record.metadata.related_records ?? []).flatMap((id) => {
    const doi = recordDoi(shown.get(id)?.metadata);
    return doi ? [doi] : [];
  });
  return buildExportContext(
    {
      id: record.id,
      collection: record.collection,
      metadata: record.metadata,
      files: record.files.filter((file) => file.published),
      relatedRecordDois,
    },
    publisher,
    day,
  );
}

/** Reads a shown record's files (relative to its folder) from where the loader read them. */
export function recordReader(
  source: { root: string; fs: ArchiveFs },
  record: Pick<SiteRecord, 'dir'>,
): (file: string) => Promise<Uint8Array> {
  return (file) => source.fs.readFile(path.join(source.root, record.dir, ...file.split('/')));
}

/** Every export of one record: file name and bytes, in EXPORT_FORMATS order. */
export async function recordExports(
  record: SiteRecord,
  context: ExportContext,
  source: { root: string; fs: ArchiveFs },
): Promise<Array<{ file: string; bytes: Uint8Array }>> {
  const read = recordReader(source, record);
  const out: Array<{ file: string; bytes: Uint8Array }> = [];
  const rendered: { [format: string]: string } = {};
  for (const format of EXPORT_FORMATS) {
    if (format.id === 'bagit') continue;
    const text = await renderExport(format.id, record.metadata, context, {
      dir: record.dir,
      files: [],
      read,
      // The loader read and validated them once (results.ts); the LaTeX export takes them as is.
      hepdataTables: record.results?.tables.map((entry) => entry.table) ?? [],
    });
    rendered[format.id] = text;
    out.push({ file: format.file, bytes: Buffer.from(text, 'utf8') });
  }
  const bag = await recordBag(record.metadata, context, read, 'Capsule (site build)', {
    extraTagFiles: [
      {
        path: 'metadata/record.json',
        bytes: Buffer.from(`${JSON.stringify(record.metadata, null, 2)}\n`),
      },
    ],
    // The same bytes as the exports beside it: rendered once.
    rendered: { rocrate: rendered.rocrate, datacite: rendered.datacite },
  });
  out.push({ file: 'bagit.zip', bytes: serializeBag(bag, bagName(record.id), context.today) });
  return out;
}
