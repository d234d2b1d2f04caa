import type { AnySchemaObject } from 'ajv/dist/2020.js';
import { childNode, deref, rootNode } from '../schemas/walk.ts';
import type { SchemaLookup, SchemaNode } from '../schemas/walk.ts';

/**
 * How the submission form shows one field, read from its schema: a section for an object, a list
 * for an array, a select for an enum, checkboxes for a set of enum values, a text box (one line or
 * several) with the pattern and format to check as you type, a number box, yes/no. One level at a
 * time: the form asks for a child's spec when it renders the child, so recursive schemas work.
 * Anything the form cannot show as fields (combinators, mixed types) is edited as JSON.
 */
export interface FieldInfo {
  title?: string;
  description?: string;
  /** The first example the schema gives, shown as a placeholder. */
  example?: string;
}

export interface PropertySpec {
  name: string;
  node: SchemaNode;
  required: boolean;
}

export type FieldSpec = FieldInfo &
  (
    | { kind: 'object'; properties: PropertySpec[]; closed: boolean }
    | { kind: 'array'; item: SchemaNode; minItems?: number; maxItems?: number; unique: boolean }
    | { kind: 'choices'; options: string[] }
    | { kind: 'select'; options: Array<string | number | boolean> }
    | { kind: 'const'; value: unknown }
    | {
        kind: 'text';
        multiline: boolean;
        format?: string;
        pattern?: string;
        minLength?: number;
        maxLength?: number;
      }
    | { kind: 'number'; integer: boolean; minimum?: number; maximum?: number }
    | { kind: 'boolean' }
    | { kind: 'json' }
  );

/** Text allowed this long or longer gets a box of several lines. */
const MULTILINE_FROM = 1000;

export function fieldSpec(lookup: SchemaLookup, node: SchemaNode): FieldSpec {
  const resolved = deref(lookup, node);
  const schema = resolved.schema;
  const info = fieldInfo(schema);
  if (['anyOf', 'oneOf', 'allOf', 'not', 'if'].some((keyword) => schema[keyword] !== undefined))
    return { ...info, kind: 'json' };
  if (schema.const !== undefined) return { ...info, kind: 'const', value: schema.const };
  if (Array.isArray(schema.enum)) {
    const options = schema.enum as unknown[];
    if (options.every((option) => ['string', 'number', 'boolean'].includes(typeof option)))
      return { ...info, kind: 'select', options: options as Array<string | number | boolean> };
    return { ...info, kind: 'json' };
  }
  switch (schema.type) {
    case 'object':
      return { ...info, kind: 'object', ...objectProperties(lookup, resolved) };
    case 'array':
      return arraySpec(lookup, resolved, info);
    case 'string':
      return textSpec(schema, info);
    case 'number':
    case 'integer':
      return {
        ...info,
        kind: 'number',
        integer: schema.type === 'integer',
        ...numberBound('minimum', schema.minimum ?? schema.exclusiveMinimum),
        ...numberBound('maximum', schema.maximum ?? schema.exclusiveMaximum),
      };
    case 'boolean':
      return { ...info, kind: 'boolean' };
    default:
      return { ...info, kind: 'json' };
  }
}

function fieldInfo(schema: AnySchemaObject): FieldInfo {
  const info: FieldInfo = {};
  if (typeof schema.title === 'string') info.title = schema.title;
  if (typeof schema.description === 'string') info.description = schema.description;
  const first = (schema.examples as unknown[] | undefined)?.[0];
  if (typeof first === 'string' || typeof first === 'number') info.example = String(first);
  return info;
}

function objectProperties(
  lookup: SchemaLookup,
  node: SchemaNode,
): { properties: PropertySpec[]; closed: boolean } {
  const schema = node.schema;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const properties = Object.keys((schema.properties as object | undefined) ?? {}).flatMap(
    (name) => {
      const child = childNode(lookup, node, name);
      return child ? [{ name, node: child, required: required.has(name) }] : [];
    },
  );
  return { properties, closed: schema.additionalProperties === false };
}

function arraySpec(lookup: SchemaLookup, node: SchemaNode, info: FieldInfo): FieldSpec {
  const schema = node.schema;
  const item = childNode(lookup, node, 0);
  if (!item || typeof schema.items !== 'object') return { ...info, kind: 'json' };
  const itemSchema = deref(lookup, item).schema;
  const unique = schema.uniqueItems === true;
  if (
    unique &&
    Array.isArray(itemSchema.enum) &&
    itemSchema.enum.every((option: unknown) => typeof option === 'string')
  )
    return { ...info, kind: 'choices', options: itemSchema.enum as string[] };
  const spec: FieldSpec = { ...info, kind: 'array', item, unique };
  if (typeof schema.minItems === 'number') spec.minItems = schema.minItems;
  if (typeof schema.maxItems === 'number') spec.maxItems = schema.maxItems;
  return spec;
}

function textSpec(schema: AnySchemaObject, info: FieldInfo): FieldSpec {
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : undefined;
  const spec: FieldSpec = {
    ...info,
    kind: 'text',
    multiline: maxLength !== undefined && maxLength >= MULTILINE_FROM,
  };
  if (typeof schema.format === 'string') spec.format = schema.format;
  if (typeof schema.pattern === 'string') spec.pattern = schema.pattern;
  if (typeof schema.minLength === 'number') spec.minLength = schema.minLength;
  if (maxLength !== undefined) spec.maxLength = maxLength;
  return spec;
}

function numberBound(name: 'minimum' | 'maximum', value: unknown): { [key: string]: number } {
  return typeof value === 'number' ? { [name]: value } : {};
}

/** The label of a field: its schema title, else its key made readable. */
export function fieldLabel(spec: FieldInfo, key: string | number): string {
  if (spec.title) return spec.title;
  return String(key)
    .replace(/[_-]+/g, ' ')
    .replace(/^\w/, (first) => first.toUpperCase());
}

/** A record schema's fixed top-level values (`const`: the schema, the experiment), in order. */
export function schemaConstants(lookup: SchemaLookup, schema: string): Array<[string, unknown]> {
  const root = rootNode(lookup, schema);
  const spec = root ? fieldSpec(lookup, root) : undefined;
  if (spec?.kind !== 'object') return [];
  return spec.properties.flatMap((property) => {
    const child = fieldSpec(lookup, property.node);
    return child.kind === 'const' ? [[property.name, child.value] as [string, unknown]] : [];
  });
}
