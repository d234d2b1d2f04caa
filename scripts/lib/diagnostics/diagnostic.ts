import type { DiagnosticCode } from './codes.ts';

export type Severity = 'error' | 'warning';

/**
 * The one shape every problem Capsule finds takes, from the YAML reader to the forge bots:
 * where it is (file, line, column, and the JSON pointer into the record), what is wrong, and how
 * to fix it.
 */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  /** Path relative to the archive root, with `/` separators. */
  file: string;
  /** 1-based; 1 when the problem concerns the whole file. */
  line: number;
  column: number;
  /** RFC 6901 pointer into the parsed file; '' for the whole file. */
  pointer: string;
  message: string;
  hint: string;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.code.localeCompare(b.code)
  );
}

export interface DiagnosticCounts {
  errors: number;
  warnings: number;
}

export function countDiagnostics(diagnostics: readonly Diagnostic[]): DiagnosticCounts {
  let errors = 0;
  for (const diagnostic of diagnostics) if (diagnostic.severity === 'error') errors++;
  return { errors, warnings: diagnostics.length - errors };
}
