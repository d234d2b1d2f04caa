import type { ErrorObject } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { rootNode } from '../schemas/walk.ts';
import type { SchemaLookup } from '../schemas/walk.ts';
import { schemaDiagnostics } from '../validate/schema-diagnostics.ts';
import type { DiagnosticSource } from '../validate/schema-diagnostics.ts';
import { toNode } from '../yaml/edit.ts';
import type { RecordData } from './record-edit.ts';

/**
 * The form's problems, in the very words `capsule validate` uses: ajv's errors for the record go
 * through the validator's own translation (schema-diagnostics.ts). The form has no file yet, so
 * a diagnostic carries the field's pointer and no line.
 */
export function formDiagnostics(
  errors: readonly ErrorObject[],
  data: RecordData,
  schemas: SchemaLookup,
  options: { schema: string; file: string; draft?: boolean },
): Diagnostic[] {
  const root = rootNode(schemas, options.schema);
  if (!root) return [];
  const file: DiagnosticSource = {
    text: '',
    document: { source: '', root: toNode(data), endComments: [], headerComments: [] },
    diagnostic: (code, severity, pointer, message, hint) => ({
      code,
      severity,
      file: options.file,
      line: 1,
      column: 1,
      pointer,
      message,
      hint,
    }),
  };
  return schemaDiagnostics(errors, {
    file,
    data,
    registry: schemas,
    root,
    draft: options.draft ?? false,
  });
}

/**
 * The field a problem belongs to: the deepest of `fields` (pointers the form shows) that the
 * problem's pointer is in. A missing required field points at itself, so it lands on its box.
 */
export function fieldForPointer(pointer: string, fields: ReadonlySet<string>): string {
  let current = pointer;
  for (;;) {
    if (fields.has(current) || current === '') return current;
    current = current.slice(0, current.lastIndexOf('/'));
  }
}
