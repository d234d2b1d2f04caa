import { loadHepdataResults } from '../hepdata/results.ts';
import type { HepdataTable } from '../hepdata/table-model.ts';
import type { RecordMetadata } from '../records/types.ts';
import { bibtex } from './bibtex.ts';
import { citationCff } from './cff.ts';
import { codemeta } from './codemeta.ts';
import type { ExportContext } from './context.ts';
import { dataciteAttributes } from './datacite.ts';
import { schemaOrgJsonLd } from './jsonld.ts';
import { latexTables } from './latex.ts';
import { oaiDatacite, oaiDc } from './oai.ts';
import { roCrate } from './rocrate.ts';

/**
 * Every text export of one record, as `capsule export` prints it and the site publishes it: one
 * function so that the two can never differ for the same record and context.
 */
export const TEXT_FORMATS = [
  'datacite',
  'jsonld',
  'bibtex',
  'cff',
  'codemeta',
  'rocrate',
  'latex',
  'oai_dc',
  'oai_datacite',
] as const;
export type TextFormat = (typeof TEXT_FORMATS)[number];

/** Where the LaTeX export finds the record's HEPData tables: its folder's files, and a reader. */
export interface RecordFolder {
  /** The record folder relative to the archive root. */
  dir: string;
  /** Files of the record folder (relative to it) with their size. */
  files: ReadonlyArray<{ path: string; size: number }>;
  read(path: string): Promise<Uint8Array>;
  /**
   * The record's HEPData tables when the caller has read them already (the site's loader has),
   * so that they are not read and validated again.
   */
  hepdataTables?: HepdataTable[];
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export async function renderExport(
  format: TextFormat,
  metadata: RecordMetadata,
  context: ExportContext,
  folder: RecordFolder,
): Promise<string> {
  switch (format) {
    case 'datacite':
      return json(dataciteAttributes(metadata, context));
    case 'jsonld':
      return json(schemaOrgJsonLd(metadata, context));
    case 'bibtex':
      return bibtex(metadata, context);
    case 'cff':
      return citationCff(metadata, context);
    case 'codemeta':
      return json(codemeta(metadata, context));
    case 'rocrate':
      return json(roCrate(metadata, context));
    case 'oai_dc':
      return `${oaiDc(metadata, context)}\n`;
    case 'oai_datacite':
      return `${oaiDatacite(dataciteAttributes(metadata, context))}\n`;
    case 'latex': {
      const hepdata = metadata.results?.hepdata?.path?.replace(/\/$/, '');
      if (!hepdata) return latexTables(metadata, context);
      if (folder.hepdataTables) return latexTables(metadata, context, folder.hepdataTables);
      const prefix = `${hepdata}/`;
      const results = await loadHepdataResults(
        {
          dir: `${folder.dir}/${hepdata}`,
          files: folder.files
            .filter((f) => f.path.startsWith(prefix))
            .map((f) => ({ path: f.path.slice(prefix.length), size: f.size })),
          read: (file) => folder.read(`${prefix}${file}`),
        },
        hepdata,
      );
      return latexTables(
        metadata,
        context,
        results.tables.map((t) => t.table),
      );
    }
  }
}
