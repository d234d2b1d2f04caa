import { field, text } from '../validate/data.ts';
import { tableModel } from './table-model.ts';
import type { HepdataTable } from './table-model.ts';
import { validateHepdataFolder } from './validate-folder.ts';
import type { HepdataFolder, HepdataFolderReport } from './validate-folder.ts';

/**
 * A record's HEPData results ready for its page: the submission's comment and every table in
 * submission order, read into models (tableGrid, plotModels, plotSvg and tableCsv take them
 * from there). Tables whose data file is missing or unreadable are left out; the validator has
 * reported them already.
 */
export interface HepdataResults {
  comment?: string;
  tables: Array<{
    table: HepdataTable;
    /** The data file's path relative to the record folder, for the YAML download. */
    path: string;
  }>;
}

export async function loadHepdataResults(
  folder: HepdataFolder,
  /** The folder relative to the record folder (`results.hepdata.path`). */
  recordPath: string,
  /** The folder as the validator already read it (then it is not read again). */
  read?: HepdataFolderReport,
): Promise<HepdataResults> {
  const report = read ?? (await validateHepdataFolder(folder));
  const results: HepdataResults = { tables: [] };
  const comment = text(report.submission?.info?.value, 'comment');
  if (comment) results.comment = comment;
  for (const entry of report.submission?.tables ?? []) {
    const file = entry.dataFile ? report.tables.get(entry.dataFile) : undefined;
    const data = file?.documents[0]?.value;
    if (!entry.dataFile || !file?.parsed || field(data, 'type') !== undefined) continue;
    results.tables.push({
      table: tableModel(entry.document.value, data),
      path: `${recordPath.replace(/\/$/, '')}/${entry.dataFile}`,
    });
  }
  return results;
}
