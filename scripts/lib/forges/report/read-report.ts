import { DIAGNOSTIC_CODES } from '../../diagnostics/codes.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { ChangeScope } from '../../diagnostics/format/json.ts';

/**
 * The JSON report `capsule validate --report` writes, read back by the report bots. On GitHub it
 * arrives as an artifact of a pull request's workflow, which a fork controls: it is data to
 * check, never code, and nothing in it is trusted beyond its shape. Every field is checked and
 * every string bounded; anything else is refused with the reason.
 */
export interface ValidationReport {
  records: number;
  errors: number;
  warnings: number;
  checked: string[];
  draft: boolean;
  scope?: ChangeScope;
  diagnostics: Diagnostic[];
}

export class ReportFormatError extends Error {}

const MAX_DIAGNOSTICS = 20_000;
const MAX_TEXT = 4_000;
const MAX_RECORDS = 200_000;
const PATH = /^(?![/.])(?!.*\/\.\.?(\/|$))[^\0\n\r]{1,1000}$/;
const RECORD_ID = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*){1,3}$/;

export function parseValidationReport(text: string): ValidationReport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ReportFormatError(`The report is not JSON: ${(error as Error).message}`);
  }
  const report = object(value, 'the report');
  const diagnostics = array(report.diagnostics, 'diagnostics', MAX_DIAGNOSTICS).map((item, index) =>
    diagnostic(item, `diagnostics[${index}]`),
  );
  const checked =
    report.checked === undefined
      ? []
      : array(report.checked, 'checked', MAX_RECORDS).map((id, index) => {
          const name = string(id, `checked[${index}]`, 300);
          if (!RECORD_ID.test(name))
            throw new ReportFormatError(`checked[${index}] is not a record id.`);
          return name;
        });
  const result: ValidationReport = {
    records: count(report.records, 'records'),
    errors: count(report.errors, 'errors'),
    warnings: count(report.warnings, 'warnings'),
    checked,
    draft: report.draft === true,
    diagnostics,
  };
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (result.errors !== errors || result.warnings !== diagnostics.length - errors)
    throw new ReportFormatError('The counts of errors and warnings do not match the diagnostics.');
  if (report.scope !== undefined) result.scope = scope(report.scope);
  return result;
}

function diagnostic(value: unknown, where: string): Diagnostic {
  const item = object(value, where);
  const code = string(item.code, `${where}.code`, 100);
  if (!Object.hasOwn(DIAGNOSTIC_CODES, code))
    throw new ReportFormatError(
      `${where}.code \`${code.slice(0, 60)}\` is not a Capsule diagnostic code.`,
    );
  const severity = item.severity;
  if (severity !== 'error' && severity !== 'warning')
    throw new ReportFormatError(`${where}.severity must be error or warning.`);
  const file = string(item.file, `${where}.file`, 1000);
  if (!PATH.test(file))
    throw new ReportFormatError(`${where}.file is not a path inside the repository.`);
  return {
    code: code as Diagnostic['code'],
    severity,
    file,
    line: position(item.line, `${where}.line`),
    column: position(item.column, `${where}.column`),
    pointer: string(item.pointer, `${where}.pointer`, MAX_TEXT),
    message: string(item.message, `${where}.message`, MAX_TEXT),
    hint: string(item.hint, `${where}.hint`, MAX_TEXT),
  };
}

function scope(value: unknown): ChangeScope {
  const item = object(value, 'scope');
  const result: ChangeScope = {
    changedSince: string(item.changedSince, 'scope.changedSince', 300),
    base: string(item.base, 'scope.base', 64),
    files: array(item.files, 'scope.files', MAX_RECORDS).map((file, index) =>
      string(file, `scope.files[${index}]`, 1000),
    ),
  };
  if (item.everything !== undefined)
    result.everything = string(item.everything, 'scope.everything', MAX_TEXT);
  return result;
}

function object(value: unknown, where: string): { [key: string]: unknown } {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ReportFormatError(`${where} must be an object.`);
  return value as { [key: string]: unknown };
}

function array(value: unknown, where: string, max: number): unknown[] {
  if (!Array.isArray(value)) throw new ReportFormatError(`${where} must be a list.`);
  if (value.length > max) throw new ReportFormatError(`${where} has more than ${max} entries.`);
  return value;
}

function string(value: unknown, where: string, max: number): string {
  if (typeof value !== 'string') throw new ReportFormatError(`${where} must be text.`);
  if (value.length > max) throw new ReportFormatError(`${where} is longer than ${max} characters.`);
  return value;
}

function count(value: unknown, where: string): number {
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 10_000_000)
    throw new ReportFormatError(`${where} must be a whole number.`);
  return value as number;
}

function position(value: unknown, where: string): number {
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > 10_000_000)
    throw new ReportFormatError(`${where} must be a positive whole number.`);
  return value as number;
}
