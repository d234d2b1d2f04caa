import type { Diagnostic } from '../../scripts/lib/diagnostics/diagnostic.ts';
import type { ValidationReport } from '../../scripts/lib/forges/report/read-report.ts';

/** A validation report as `capsule validate --report` writes it, with `errors` problems. */
export function validationReport(
  errors: number,
  options: { warnings?: number; checked?: string[]; draft?: boolean } = {},
): ValidationReport {
  const checked = options.checked ?? ['cms/higgs-tautau-2016', 'atlas/higgs-diphoton-36fb'];
  const diagnostics: Diagnostic[] = [];
  for (let i = 0; i < errors + (options.warnings ?? 0); i++) {
    const warning = i >= errors;
    diagnostics.push({
      code: warning ? 'CAPSULE_FILE_UNLISTED' : 'CAPSULE_SCHEMA_TYPE',
      severity: warning ? 'warning' : 'error',
      file: `content/${checked[0]}/record.yaml`,
      line: i + 1,
      column: 3,
      pointer: `/keywords/${i}`,
      message: `\`keywords[${i}]\` should be text, but it is a number (${i}).`,
      hint: `Quote it: \`'${i}'\`.`,
    });
  }
  return {
    records: checked.length,
    errors,
    warnings: options.warnings ?? 0,
    checked,
    draft: options.draft ?? false,
    diagnostics,
  };
}
