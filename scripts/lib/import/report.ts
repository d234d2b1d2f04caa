import type { UnmappedField } from './source-fields.ts';

/** The unmapped-field lines of an import report: one per field, grouped by reason when many. */
export function unmappedLines(fields: readonly UnmappedField[], indent = '    '): string[] {
  return fields.map((field) => `${indent}${field.pointer} = ${field.value} — ${field.reason}`);
}
