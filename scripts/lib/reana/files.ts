import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { MetadataFile } from '../records/source.ts';
import { field, list } from '../validate/data.ts';
import { pathProblem } from '../validate/paths.ts';

/**
 * The files reana.yaml names, against what the record folder holds. The workflow's own
 * definition files must be there (REANA cannot load the workflow without them); missing inputs
 * are warnings, since large inputs may be fetched by the workflow instead of uploaded.
 */
export function reanaFileDiagnostics(
  file: MetadataFile,
  specification: unknown,
  /** Files and folders present, relative to the folder of reana.yaml. */
  present: { has(path: string): boolean; hasFolder(path: string): boolean },
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const workflow = field(specification, 'workflow');
  const required: Array<[string, unknown]> = [
    ['/workflow/file', field(workflow, 'file')],
    ['/workflow/parameters/file', field(field(workflow, 'parameters'), 'file')],
    ...list(workflow, 'files').map((value, i): [string, unknown] => [
      `/workflow/files/${i}`,
      value,
    ]),
  ];
  const optional: Array<[string, unknown, 'file' | 'folder']> = [
    ...list(field(specification, 'inputs'), 'files').map((value, i): [string, unknown, 'file'] => [
      `/inputs/files/${i}`,
      value,
      'file',
    ]),
    ...list(field(specification, 'inputs'), 'directories').map(
      (value, i): [string, unknown, 'folder'] => [`/inputs/directories/${i}`, value, 'folder'],
    ),
    ...list(workflow, 'directories').map((value, i): [string, unknown, 'folder'] => [
      `/workflow/directories/${i}`,
      value,
      'folder',
    ]),
    ...list(field(specification, 'tests'), 'files').map((value, i): [string, unknown, 'file'] => [
      `/tests/files/${i}`,
      value,
      'file',
    ]),
  ];
  const check = (
    pointer: string,
    value: unknown,
    kind: 'file' | 'folder',
    severity: 'error' | 'warning',
  ) => {
    if (typeof value !== 'string') return;
    const problem = pathProblem(value.replace(/^\.\//, ''));
    if (problem) {
      out.push(
        file.diagnostic(
          'CAPSULE_REANA_FILE_PATH',
          'error',
          pointer,
          `The path \`${value}\` ${problem}; REANA uploads only what is inside the folder of reana.yaml.`,
          'Use a relative path inside the record folder, e.g. `files/macros/fit.C`.',
        ),
      );
      return;
    }
    const clean = value.replace(/^\.\//, '').replace(/\/$/, '');
    if (kind === 'file' ? present.has(clean) : present.hasFolder(clean)) return;
    out.push(
      file.diagnostic(
        'CAPSULE_REANA_FILE_MISSING',
        severity,
        pointer,
        `reana.yaml names the ${kind} \`${value}\`, which is not in the record folder.`,
        severity === 'error'
          ? 'Add the workflow definition to the record folder: REANA cannot load the workflow without it.'
          : `Add it to the record, or make sure the workflow fetches it; \`reana-client upload\` would fail on a missing ${kind}.`,
      ),
    );
  };
  for (const [pointer, value] of required) check(pointer, value, 'file', 'error');
  for (const [pointer, value, kind] of optional) check(pointer, value, kind, 'warning');
  return out;
}
