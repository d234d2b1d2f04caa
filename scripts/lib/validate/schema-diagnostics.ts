import type { ErrorObject } from 'ajv/dist/2020.js';
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.ts';
import type { DiagnosticCode } from '../diagnostics/codes.ts';
import { identifierFormat } from '../identifiers/formats.ts';
import type { MetadataFile } from '../records/source.ts';
import { deref, nodeAt, propertyNames } from '../schemas/walk.ts';
import type { SchemaLookup, SchemaNode } from '../schemas/walk.ts';
import { closest, displayPath, listChoices, showValue } from '../text/suggest.ts';
import { locate, pointerSegments } from '../yaml/locate.ts';

/**
 * Turns ajv's errors into diagnostics a physicist can act on: the field's name as the schema
 * titles it, what was expected and found, and the fix (a likely spelling, the choices, the
 * corrected identifier, a quoted number).
 */
/**
 * What the translation needs of the file: where a pointer is, and the source text of a value. A
 * MetadataFile read from disk, or the browser form's record, which has no lines to point at.
 */
export type DiagnosticSource = Pick<MetadataFile, 'diagnostic' | 'document' | 'text'>;

export interface SchemaErrorContext {
  file: DiagnosticSource;
  data: unknown;
  registry: SchemaLookup;
  root: SchemaNode;
  /** Draft records may lack required fields: those become warnings. */
  draft: boolean;
  /** What the whole document is called in messages (default `record`; HEPData files say `table`). */
  subject?: string;
}

export function schemaDiagnostics(
  errors: readonly ErrorObject[],
  context: SchemaErrorContext,
): Diagnostic[] {
  const combinators = errors.filter((error) => ['anyOf', 'oneOf'].includes(error.keyword));
  const kept = errors.filter((error) =>
    error.keyword === 'if'
      ? false
      : !combinators.some(
          (parent) => parent !== error && error.schemaPath.startsWith(parent.schemaPath + '/'),
        ),
  );
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const error of kept) {
    const diagnostic = translate(error, context);
    const key = `${diagnostic.code} ${diagnostic.pointer} ${diagnostic.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(diagnostic);
  }
  return out;
}

function translate(error: ErrorObject, context: SchemaErrorContext): Diagnostic {
  const pointer = error.instancePath;
  const value = valueAt(context.data, pointer);
  const field = fieldName(context, pointer);
  const params = error.params as { [key: string]: unknown };
  const make = (
    code: DiagnosticCode,
    message: string,
    hint: string,
    at: 'key' | 'value' = 'value',
    severity: Severity = 'error',
    where = pointer,
  ) => context.file.diagnostic(code, severity, where, message, hint, at);

  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      const child = nodeAt(context.registry, context.root, [...pointerSegments(pointer), missing]);
      const about = describe(child);
      const message = `${pointer === '' ? `The ${context.subject ?? 'record'}` : `\`${displayPath(pointer)}\``} is missing the required field \`${missing}\`${about.title ? ` (${about.title})` : ''}.`;
      const hint = `Add \`${missing}:\`${about.example ? ` — for example \`${missing}: ${about.example}\`` : ''}${about.description ? `. ${about.description}` : '.'}`;
      const diagnostic = make(
        'CAPSULE_SCHEMA_REQUIRED',
        message,
        hint,
        'key',
        context.draft ? 'warning' : 'error',
      );
      return { ...diagnostic, pointer: `${pointer}/${missing}` };
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const known = propertyNamesAt(context, pointer);
      const suggestion = closest(extra, known);
      const message = `\`${extra}\` is not a field of ${pointer === '' ? `this ${context.subject ?? 'record'}` : `\`${displayPath(pointer)}\``}.`;
      const hint = suggestion
        ? `Did you mean \`${suggestion}\`? Rename the key.`
        : `Remove it, or use one of the fields the schema defines: ${listChoices(known, 20)}.`;
      return make(
        'CAPSULE_SCHEMA_UNKNOWN_KEY',
        message,
        hint,
        'key',
        'error',
        `${pointer}/${extra}`,
      );
    }
    case 'type': {
      const expected = String(params.type).replace(',', ' or ');
      const found = typeName(value);
      let hint = `Write ${article(expected)} ${expected} here.`;
      if (expected === 'string' && ['number', 'integer', 'boolean'].includes(found)) {
        const raw = rawText(context, pointer);
        hint = `Put the value in quotes so it stays text exactly as written: \`"${raw}"\`.`;
      } else if (expected === 'array' && found !== 'object') {
        hint = `Make it a list: put each value on its own line starting with \`- \`.`;
      } else if (expected === 'integer' && found === 'number') {
        hint = 'Write a whole number, without a decimal point.';
      }
      return make(
        'CAPSULE_SCHEMA_TYPE',
        `${field} must be ${article(expected)} ${expected}, but is ${article(found)} ${found} (${showValue(value)}).`,
        hint,
      );
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]) ?? [];
      const suggestion =
        typeof value === 'string'
          ? closest(
              value,
              allowed.filter((v): v is string => typeof v === 'string'),
            )
          : undefined;
      return make(
        'CAPSULE_SCHEMA_ENUM',
        `${field} is ${showValue(value)}, which is not one of the allowed values.`,
        suggestion ? `Did you mean \`${suggestion}\`?` : `Use one of ${listChoices(allowed, 20)}.`,
      );
    }
    case 'const':
      return make(
        'CAPSULE_SCHEMA_CONST',
        `${field} must be ${showValue(params.allowedValue)}, but is ${showValue(value)}.`,
        `Write \`${String(params.allowedValue)}\`.`,
      );
    case 'pattern': {
      const about = describe(nodeAt(context.registry, context.root, pointerSegments(pointer)));
      const example = about.example ? ` For example: \`${about.example}\`.` : '';
      return make(
        'CAPSULE_SCHEMA_PATTERN',
        `${field} is ${showValue(value)}, which does not have the expected form.`,
        `${about.description ?? `It must match ${String(params.pattern)}.`}${example}`,
      );
    }
    case 'format':
      return formatDiagnostic(String(params.format), value, field, make);
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems': {
      const limit = Number(params.limit);
      const isText = error.keyword.endsWith('Length');
      const unit = isText ? 'character' : 'item';
      const size = isText ? String(value).length : Array.isArray(value) ? value.length : 0;
      const bound = error.keyword.startsWith('min') ? 'at least' : 'at most';
      return make(
        'CAPSULE_SCHEMA_LENGTH',
        `${field} has ${size} ${unit}${size === 1 ? '' : 's'}; it needs ${bound} ${limit}.`,
        error.keyword === 'minItems' && limit === 1
          ? 'Add at least one entry.'
          : `Make it ${bound} ${limit} ${unit}${limit === 1 ? '' : 's'} long.`,
      );
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return make(
        'CAPSULE_SCHEMA_RANGE',
        `${field} is ${showValue(value)}; it must be ${String(params.comparison)} ${String(params.limit)}.`,
        'Check the value and its unit.',
      );
    case 'uniqueItems':
      return make(
        'CAPSULE_SCHEMA_DUPLICATE_ITEM',
        `${field} lists the same value twice (items ${String(params.j)} and ${String(params.i)}).`,
        'Remove the repeated entry.',
      );
    default:
      return make(
        'CAPSULE_SCHEMA_INVALID',
        `${field} ${error.message ?? 'breaks a schema rule'}.`,
        'See the schema documentation for this field.',
      );
  }
}

type Make = (code: DiagnosticCode, message: string, hint: string) => Diagnostic;

function formatDiagnostic(format: string, value: unknown, field: string, make: Make): Diagnostic {
  const text = String(value);
  const identifier = identifierFormat(format);
  if (identifier) {
    const verdict = identifier.check(text);
    const problem = verdict.ok ? 'is not valid' : verdict.problem;
    const hint = verdict.ok ? 'Check the value.' : verdict.hint;
    return make(
      identifier.code as DiagnosticCode,
      `${field}: the ${identifier.label} ${showValue(text)} ${problem}.`,
      hint,
    );
  }
  if (format === 'date') {
    return make(
      'CAPSULE_INVALID_DATE',
      `${field} is ${showValue(text)}, which is not a calendar date.`,
      'Write the date as YYYY-MM-DD, e.g. `2024-03-31`, and check that the day exists in that month.',
    );
  }
  if (format === 'email') {
    return make(
      'CAPSULE_INVALID_EMAIL',
      `${field} is ${showValue(text)}, which is not an email address.`,
      'Write an address like `name@cern.ch`.',
    );
  }
  return make(
    'CAPSULE_SCHEMA_INVALID',
    `${field} is ${showValue(text)}, which is not a valid ${format}.`,
    `Write a valid ${format}.`,
  );
}

function describe(node: SchemaNode | undefined): {
  title?: string;
  description?: string;
  example?: string;
} {
  if (!node) return {};
  const schema = node.schema;
  const examples = schema.examples as unknown[] | undefined;
  const first = examples?.[0];
  const out: { title?: string; description?: string; example?: string } = {};
  if (typeof schema.title === 'string') out.title = schema.title;
  if (typeof schema.description === 'string')
    out.description = schema.description.replace(/\s+$/, '').replace(/([^.])$/, '$1.');
  if (first !== undefined && (typeof first !== 'object' || first === null))
    out.example = typeof first === 'string' ? first : JSON.stringify(first);
  return out;
}

function propertyNamesAt(context: SchemaErrorContext, pointer: string): string[] {
  const node = nodeAt(context.registry, context.root, pointerSegments(pointer));
  return node ? propertyNames(context.registry, deref(context.registry, node)) : [];
}

function fieldName(context: SchemaErrorContext, pointer: string): string {
  if (pointer === '') return `The ${context.subject ?? 'record'}`;
  const node = nodeAt(context.registry, context.root, pointerSegments(pointer));
  const title = node?.schema.title;
  return `\`${displayPath(pointer)}\`${typeof title === 'string' ? ` (${title})` : ''}`;
}

function valueAt(data: unknown, pointer: string): unknown {
  let current = data;
  for (const segment of pointerSegments(pointer)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as { [key: string]: unknown })[segment];
  }
  return current;
}

function rawText(context: SchemaErrorContext, pointer: string): string {
  const found = locate(context.file.document?.root ?? null, pointer);
  if (found?.exact && found.node.kind === 'scalar' && found.node.start >= 0) {
    return context.file.text.slice(found.node.start, found.node.end);
  }
  return String(valueAt(context.data, pointer));
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}
