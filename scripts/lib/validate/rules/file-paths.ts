import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { RecordRule } from '../rule.ts';
import { field, list, text } from '../data.ts';
import { pathProblem } from '../paths.ts';

/** Every path a record writes down stays inside the record folder. */
export const filePaths: RecordRule = (record) => {
  const out: Diagnostic[] = [];
  const check = (path: string | undefined, pointer: string) => {
    if (path === undefined) return;
    const problem = pathProblem(path);
    if (!problem) return;
    out.push(
      record.metadataFile.diagnostic(
        'CAPSULE_PATH_ESCAPE',
        'error',
        pointer,
        `The path \`${path}\` ${problem}; paths in a record are relative to its folder ${record.dir}/ and stay inside it.`,
        'Write a path like `files/analysis.C`, relative to the record folder, with `/` between folders.',
      ),
    );
  };
  list(record.data, 'files').forEach((entry, index) =>
    check(text(entry, 'path'), `/files/${index}/path`),
  );
  check(text(field(record.data, 'workflow'), 'file'), '/workflow/file');
  const results = field(record.data, 'results');
  check(text(field(results, 'hepdata'), 'path'), '/results/hepdata/path');
  list(results, 'figures').forEach((figure, index) =>
    check(text(figure, 'file'), `/results/figures/${index}/file`),
  );
  return out;
};
