import { reanaFileDiagnostics } from '../../reana/files.ts';
import { validateReanaFile } from '../../reana/validate.ts';
import { readArchiveFile } from '../read-file.ts';
import type { RecordRule } from '../rule.ts';
import { field, text } from '../data.ts';
import { normalisePath, pathProblem } from '../paths.ts';

/**
 * A record's REANA workflow (`workflow.file` of a `reana` workflow, or any file named reana*.yaml
 * there) is a valid REANA specification whose workflow files are in the record folder. A
 * missing file is workflow-file's report.
 */
export const reana: RecordRule = async (record, context) => {
  const workflow = field(record.data, 'workflow');
  const file = text(workflow, 'file');
  if (file === undefined || pathProblem(file)) return [];
  const name = normalisePath(file);
  const isReana = text(workflow, 'engine') === 'reana' || /(^|\/)reana[^/]*\.ya?ml$/.test(name);
  if (!isReana || !record.files.some((candidate) => candidate.path === name)) return [];
  const path = `${record.dir}/${name}`;
  const check = validateReanaFile(path, await readArchiveFile(context, path));
  if (!check.specification || !check.file) return check.diagnostics;
  const base = name.includes('/') ? `${name.slice(0, name.lastIndexOf('/'))}/` : '';
  const files = new Set(
    record.files.filter((f) => f.path.startsWith(base)).map((f) => f.path.slice(base.length)),
  );
  const present = {
    has: (relative: string) => files.has(relative),
    hasFolder: (relative: string) => [...files].some((f) => f.startsWith(`${relative}/`)),
  };
  return [...check.diagnostics, ...reanaFileDiagnostics(check.file, check.specification, present)];
};
