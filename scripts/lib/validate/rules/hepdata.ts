import { validateHepdataFolder } from '../../hepdata/validate-folder.ts';
import { readArchiveFile } from '../read-file.ts';
import type { RecordRule } from '../rule.ts';
import { field, text } from '../data.ts';
import { normalisePath, pathProblem } from '../paths.ts';

/**
 * The HEPData submission in a record's results folder (`results.hepdata.path`) is what HEPData
 * would accept: submission.yaml and every table against HEPData's schema and hepdata-validator's
 * checks, every named file present, no stray files. A missing folder is results-folder's report.
 */
export const hepdata: RecordRule = async (record, context) => {
  const folder = text(field(field(record.data, 'results'), 'hepdata'), 'path');
  if (folder === undefined || pathProblem(folder)) return [];
  const prefix = `${normalisePath(folder)}/`;
  const files = record.files
    .filter((file) => file.path.startsWith(prefix))
    .map((file) => ({ path: file.path.slice(prefix.length), size: file.size }));
  if (files.length === 0) return [];
  const dir = `${record.dir}/${normalisePath(folder)}`;
  const report = await validateHepdataFolder({
    dir,
    files,
    read: (file) => readArchiveFile(context, `${dir}/${file}`),
  });
  context.hepdata?.set(dir, report);
  return report.diagnostics;
};
