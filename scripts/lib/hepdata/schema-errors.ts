import type { ErrorObject } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { rootNode } from '../schemas/walk.ts';
import { displayPath, showValue } from '../text/suggest.ts';
import { isMap } from '../validate/data.ts';
import { schemaDiagnostics } from '../validate/schema-diagnostics.ts';
import { pointerSegments } from '../yaml/index.ts';
import { hepdataRegistry, hepdataSchemaRef } from './schemas.ts';
import type { HepdataSchemaPart, HepdataSchemaVersion } from './schemas.ts';
import type { HepdataDocument } from './source.ts';

/**
 * A HEPData document against Capsule's HEPData schema, as diagnostics with code
 * CAPSULE_HEPDATA_SCHEMA placed on the offending line. Field titles come from the schema;
 * the two `oneOf` choices of the format (a point or a bin; a symmetric or an asymmetric
 * uncertainty) get messages that say which half is missing instead of "must match exactly one".
 */
export function hepdataSchemaDiagnostics(
  document: HepdataDocument,
  version: HepdataSchemaVersion,
  part: HepdataSchemaPart,
): Diagnostic[] {
  const registry = hepdataRegistry();
  const ref = hepdataSchemaRef(version, part);
  const validate = registry.validator(ref);
  if (validate(finite(document.value))) return [];
  const errors = simplifyAlternatives(validate.errors ?? []);
  const choices = errors.filter(
    (error) => error.keyword === 'oneOf' && choiceKind(error.instancePath) !== undefined,
  );
  const rest = errors.filter(
    (error) =>
      !choices.some(
        (choice) =>
          choice === error ||
          (error.schemaPath.startsWith(`${choice.schemaPath}/`) &&
            error.instancePath.startsWith(choice.instancePath)),
      ),
  );
  const out = choices.map((error) => choiceDiagnostic(document, error));
  const root = rootNode(registry, ref);
  if (root) {
    const translated = schemaDiagnostics(rest, {
      file: document.file,
      data: document.value,
      registry,
      root,
      draft: false,
      subject: part === 'data' ? 'table' : part === 'submission' ? 'table entry' : 'document',
    });
    for (const diagnostic of translated)
      out.push({ ...diagnostic, code: 'CAPSULE_HEPDATA_SCHEMA' });
  }
  return out;
}

/**
 * JSON Schema validators disagree on infinity: Python's (HEPData's) counts `.inf` as a number,
 * ajv does not. Bin edges of underflow and overflow bins are infinite, so the schema sees the
 * largest finite numbers in their place; the semantic checks look at the real values.
 */
function finite(value: unknown): unknown {
  if (typeof value === 'number')
    return Number.isFinite(value)
      ? value
      : Number.isNaN(value)
        ? 0
        : Math.sign(value) * Number.MAX_VALUE;
  if (Array.isArray(value)) return value.map(finite);
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: unknown } = {};
    for (const [key, item] of Object.entries(value)) out[key] = finite(item);
    return out;
  }
  return value;
}

/**
 * "A number or a text" is an `anyOf` in Capsule's schemas (ajv's strict mode has no union
 * types). When the value has one branch's type, that branch's errors are the real ones (a text
 * over 128 characters); when it has neither, it is one type error naming both.
 */
function simplifyAlternatives(errors: ErrorObject[]): ErrorObject[] {
  let out = errors;
  for (const anyOf of errors.filter((error) => error.keyword === 'anyOf')) {
    const nested = out.filter(
      (error) =>
        error !== anyOf &&
        error.schemaPath.startsWith(`${anyOf.schemaPath}/`) &&
        error.instancePath.startsWith(anyOf.instancePath),
    );
    const branches = new Map<string, ErrorObject[]>();
    for (const error of nested) {
      const branch = error.schemaPath.slice(anyOf.schemaPath.length + 1).split('/')[0] ?? '';
      branches.set(branch, [...(branches.get(branch) ?? []), error]);
    }
    const typeFailure = (list: ErrorObject[]) =>
      list.some((error) => error.keyword === 'type' && error.instancePath === anyOf.instancePath);
    const fitting = [...branches.values()].filter((list) => !typeFailure(list));
    let replacement: ErrorObject[] | undefined;
    if (fitting.length === 1) replacement = fitting[0];
    else if (fitting.length === 0 && branches.size > 0) {
      const types = [...branches.values()].flatMap((list) =>
        list.filter((error) => error.keyword === 'type').map((error) => String(error.params.type)),
      );
      replacement = [
        { ...anyOf, keyword: 'type', params: { type: [...new Set(types)].join(',') } },
      ];
    }
    if (replacement)
      out = out.filter((error) => error !== anyOf && !nested.includes(error)).concat(replacement);
  }
  return out;
}

type ChoiceKind = 'point-or-bin' | 'uncertainty';

function choiceKind(pointer: string): ChoiceKind | undefined {
  if (/^\/independent_variables\/\d+\/values\/\d+$/.test(pointer)) return 'point-or-bin';
  if (/^\/dependent_variables\/\d+\/values\/\d+\/errors\/\d+$/.test(pointer)) return 'uncertainty';
  return undefined;
}

function valueAt(data: unknown, pointer: string): unknown {
  let current = data;
  for (const segment of pointerSegments(pointer)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as { [key: string]: unknown })[segment];
  }
  return current;
}

function choiceDiagnostic(document: HepdataDocument, error: ErrorObject): Diagnostic {
  const pointer = error.instancePath;
  const value = valueAt(document.value, pointer);
  const where = `\`${displayPath(pointer)}\``;
  const { message, hint } =
    choiceKind(pointer) === 'point-or-bin'
      ? pointOrBinProblem(where, value)
      : uncertaintyProblem(where, value);
  return document.file.diagnostic('CAPSULE_HEPDATA_SCHEMA', 'error', pointer, message, hint);
}

function pointOrBinProblem(where: string, value: unknown): { message: string; hint: string } {
  const hint =
    'Write a point as `{value: 125}` (a number or text) or a bin as `{low: 100, high: 150}`, optionally with a numeric `value` inside the bin.';
  if (!isMap(value))
    return { message: `${where} is ${showValue(value)}, not a point or a bin.`, hint };
  const keys = Object.keys(value);
  const unknown = keys.filter((key) => !['value', 'low', 'high'].includes(key));
  if (unknown.length > 0)
    return {
      message: `${where} has ${unknown.map((key) => `\`${key}\``).join(', ')}, which a point or bin does not have.`,
      hint: `Use only \`value\`, \`low\` and \`high\`. ${hint}`,
    };
  const hasLow = 'low' in value;
  const hasHigh = 'high' in value;
  if (hasLow !== hasHigh) {
    const [present, absent] = hasLow ? ['low', 'high'] : ['high', 'low'];
    return {
      message: `${where} has \`${present}: ${showValue(value[present])}\` but no \`${absent}\`; a bin needs both edges.`,
      hint: `Add \`${absent}:\`, or write a single point as \`value:\`.`,
    };
  }
  if (!hasLow) return { message: `${where} has neither \`value\` nor \`low\` and \`high\`.`, hint };
  const notNumbers = ['low', 'high', 'value'].filter(
    (key) => key in value && typeof value[key] !== 'number',
  );
  return {
    message: `In the bin ${where}, ${notNumbers.map((key) => `\`${key}\` (${showValue(value[key])})`).join(' and ')} must be ${notNumbers.length > 1 ? 'numbers' : 'a number'}.`,
    hint: 'Write bin edges as plain numbers, e.g. `low: 2.0`, without units or quotes; a bin with a text label is a point: `{value: "2-3 GeV"}`.',
  };
}

function uncertaintyProblem(where: string, value: unknown): { message: string; hint: string } {
  const hint =
    'Write `{symerror: 0.4, label: stat}` or `{asymerror: {plus: 0.4, minus: -0.3}, label: sys}`.';
  if (isMap(value) && 'symerror' in value && 'asymerror' in value)
    return {
      message: `${where} has both \`symerror\` and \`asymerror\`; an uncertainty is one or the other.`,
      hint: `Split it into two uncertainties. ${hint}`,
    };
  return { message: `${where} has neither \`symerror\` nor \`asymerror\`.`, hint };
}
