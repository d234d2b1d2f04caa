import type { RecordRule } from '../rule.ts';
import { field, text } from '../data.ts';
import { normalisePath, pathProblem } from '../paths.ts';

/** The HEPData folder a record names holds its submission. */
export const resultsFolder: RecordRule = (record) => {
  const folder = text(field(field(record.data, 'results'), 'hepdata'), 'path');
  if (folder === undefined || pathProblem(folder)) return [];
  const prefix = `${normalisePath(folder)}/`;
  if (record.files.some((file) => file.path.startsWith(prefix))) return [];
  return [
    record.metadataFile.diagnostic(
      'CAPSULE_RESULTS_FOLDER_MISSING',
      'error',
      '/results/hepdata/path',
      `The results folder \`${folder}\` does not exist in ${record.dir}/ (or is empty).`,
      'Add the HEPData submission (submission.yaml and its tables) to that folder, or fix `results.hepdata.path`.',
    ),
  ];
};
