import { tableCsv } from '../hepdata/csv.ts';
import { plotModels } from '../hepdata/plot-model.ts';
import { plotSvg } from '../hepdata/plot-svg.ts';
import { loadHepdataResults } from '../hepdata/results.ts';
import type { HepdataTable } from '../hepdata/table-model.ts';
import type { HepdataFolder, HepdataFolderReport } from '../hepdata/validate-folder.ts';

/**
 * A record's HEPData results as the site shows them: every table of the submission (read by the
 * same code that validates it, so the page and CI agree on what a table holds) with the names of
 * its downloads. The downloads are files of the build under `api/records/<id>/hepdata/`: the data
 * file as submitted, the table as CSV and each of its plots as SVG. They are written for the
 * records the loader gave the build and for no other (astro-integration.ts).
 */
export interface SiteResults {
  /** The submission's comment (its first YAML document). */
  comment?: string;
  /** The HEPData folder, relative to the record folder (`hepdata`). */
  folder: string;
  tables: SiteResultsTable[];
}

export interface SiteResultsTable {
  table: HepdataTable;
  /** The data file, relative to the record folder (`hepdata/fiducial_xsec.yaml`). */
  path: string;
  /** Download names under `api/records/<id>/hepdata/`: the stem, unique within the record. */
  stem: string;
  /** The data file's download name (`fiducial_xsec.yaml`). */
  yaml: string;
  /** The CSV download's name (`fiducial_xsec.csv`). */
  csv: string;
}

export async function siteResults(
  folder: HepdataFolder,
  recordPath: string,
  read?: HepdataFolderReport,
): Promise<SiteResults> {
  const loaded = await loadHepdataResults(folder, recordPath, read);
  const taken = new Set<string>();
  const results: SiteResults = {
    folder: recordPath.replace(/\/$/, ''),
    tables: loaded.tables.map(({ table, path }) => {
      const stem = uniqueStem(downloadStem(table.dataFile), taken);
      return { table, path, stem, yaml: `${stem}.yaml`, csv: `${stem}.csv` };
    }),
  };
  if (loaded.comment) results.comment = loaded.comment;
  return results;
}

/**
 * A file name that is safe on every host and in every URL: the data file's name without its
 * extension, anything but letters, digits, `-`, `_` and `.` replaced (HEPData data files may be
 * named `Table 1.yaml`).
 */
export function downloadStem(dataFile: string): string {
  const stem = dataFile
    .replace(/\.ya?ml$/i, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '');
  return stem || 'table';
}

function uniqueStem(stem: string, taken: Set<string>): string {
  let candidate = stem;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem}-${n}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * The plots' width in SVG units. Narrower than a desktop column so that its text, scaled to the
 * page, reads at about 14 px on a desktop and stays above 8 px at the phone minimum (global.css).
 */
export const PLOT_WIDTH = 520;

/** The download name of a table's nth plot (from 1): one plot per dependent-variable group. */
export function plotFileName(table: Pick<SiteResultsTable, 'stem'>, index: number): string {
  return index === 1 ? `${table.stem}.svg` : `${table.stem}-${index}.svg`;
}

/** A download of a record's results: its name under `api/records/<id>/hepdata/` and content. */
export interface ResultsDownload {
  name: string;
  content: string | Uint8Array;
}

/**
 * Every download of a record's results: per table the data file as submitted (read by the
 * caller from the record folder), the CSV, and an SVG per plot — the very plots the page shows.
 */
export async function resultsDownloads(
  results: SiteResults,
  readDataFile: (path: string) => Promise<Uint8Array>,
): Promise<ResultsDownload[]> {
  const downloads: ResultsDownload[] = [];
  for (const entry of results.tables) {
    downloads.push({ name: entry.yaml, content: await readDataFile(entry.path) });
    downloads.push({ name: entry.csv, content: tableCsv(entry.table) });
    plotModels(entry.table).forEach((model, index) => {
      const svg = plotSvg(model, { id: `${entry.stem}-plot-${index + 1}`, width: PLOT_WIDTH });
      if (svg !== undefined) downloads.push({ name: plotFileName(entry, index + 1), content: svg });
    });
  }
  return downloads;
}

/** The results part of a record's API document: each table with its download URLs. */
export function resultsDocument(results: SiteResults, url: (name: string) => string) {
  return results.tables.map((entry) => ({
    name: entry.table.name,
    description: entry.table.description ?? null,
    location: entry.table.location ?? null,
    data_file: entry.path,
    rows: entry.table.rows,
    yaml: url(entry.yaml),
    csv: url(entry.csv),
    plots: plotModels(entry.table).flatMap((model, index) =>
      model.kind === 'none' ? [] : [url(plotFileName(entry, index + 1))],
    ),
  }));
}
