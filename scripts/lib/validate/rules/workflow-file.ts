import type { RecordRule } from '../rule.ts';
import { field, text } from '../data.ts';
import { normalisePath, pathProblem } from '../paths.ts';

/** The workflow file a record names (usually reana.yaml) is in the record folder. */
export const workflowFile: RecordRule = (record) => {
  const file = text(field(record.data, 'workflow'), 'file');
  if (file === undefined || pathProblem(file)) return [];
  if (record.files.some((candidate) => candidate.path === normalisePath(file))) return [];
  return [
    record.metadataFile.diagnostic(
      'CAPSULE_WORKFLOW_FILE_MISSING',
      'error',
      '/workflow/file',
      `The workflow file \`${file}\` does not exist in ${record.dir}/.`,
      'Add the workflow file (e.g. reana.yaml) to the record folder, or fix `workflow.file`.',
    ),
  ];
};
