import type { AnySchemaObject } from 'ajv/dist/2020.js';
import type { SchemaRegistry } from './registry.ts';
import { schemaIdFor } from './ids.ts';

/**
 * Walks a schema the way the data is shaped: from a record schema down to the subschema of any
 * field, following `$ref`s across files. The formatter uses it for key order, the validator for
 * field titles, the site and the form for labels and help.
 */
/** What walking needs of a registry: documents by ref and by `$id` (the browser form has no ajv). */
export type SchemaLookup = Pick<SchemaRegistry, 'get' | 'byId'>;

export interface SchemaNode {
  schema: AnySchemaObject;
  /** The `$id` of the file the schema sits in, against which its `$ref`s resolve. */
  baseId: string;
}

const MAX_REF_HOPS = 32;

export function rootNode(registry: SchemaLookup, ref: string): SchemaNode | undefined {
  const document = registry.get(ref);
  return document ? { schema: document.json, baseId: schemaIdFor(ref) } : undefined;
}

/** Annotations a `$ref` site may set for its use of a shared definition (2020-12 allows siblings). */
const ANNOTATIONS = ['title', 'description', 'examples', 'default'] as const;

/**
 * Follows `$ref` until a schema with content is reached. Annotations written next to a `$ref`
 * win over the target's: `created` stays "Created", not the generic "Date" it refers to.
 */
export function deref(registry: SchemaLookup, node: SchemaNode): SchemaNode {
  let current = node;
  const annotations: { [key: string]: unknown } = {};
  for (let hop = 0; hop < MAX_REF_HOPS && typeof current.schema.$ref === 'string'; hop++) {
    for (const key of ANNOTATIONS)
      if (current.schema[key] !== undefined && !(key in annotations))
        annotations[key] = current.schema[key];
    const target = resolveRef(registry, current.baseId, current.schema.$ref);
    if (!target) return current;
    current = target;
  }
  if (Object.keys(annotations).length === 0) return current;
  return { schema: { ...current.schema, ...annotations }, baseId: current.baseId };
}

/**
 * Every schema met while following `$ref`s from a node, the node first: a property's own title
 * or description, written beside its `$ref`, wins over the definition's.
 */
export function refChain(registry: SchemaLookup, node: SchemaNode): SchemaNode[] {
  const chain = [node];
  let current = node;
  for (let hop = 0; hop < MAX_REF_HOPS && typeof current.schema.$ref === 'string'; hop++) {
    const target = resolveRef(registry, current.baseId, current.schema.$ref);
    if (!target) break;
    chain.push(target);
    current = target;
  }
  return chain;
}

function resolveRef(registry: SchemaLookup, baseId: string, ref: string): SchemaNode | undefined {
  const url = new URL(ref, baseId);
  const fragment = decodeURIComponent(url.hash.slice(1));
  url.hash = '';
  const document = registry.byId(url.href);
  if (!document) return undefined;
  let schema: unknown = document.json;
  for (const segment of fragment.split('/').filter(Boolean)) {
    schema = (schema as { [key: string]: unknown } | undefined)?.[
      segment.replace(/~1/g, '/').replace(/~0/g, '~')
    ];
  }
  return schema && typeof schema === 'object'
    ? { schema: schema as AnySchemaObject, baseId: url.href }
    : undefined;
}

/** The subschema for a property name or an array index, if the schema says. */
export function childNode(
  registry: SchemaLookup,
  parent: SchemaNode,
  key: string | number,
): SchemaNode | undefined {
  const node = deref(registry, parent);
  const schema = node.schema;
  if (typeof key === 'number' || /^\d+$/.test(String(key))) {
    if (schema.items && typeof schema.items === 'object')
      return { schema: schema.items as AnySchemaObject, baseId: node.baseId };
  }
  const properties = schema.properties as { [key: string]: AnySchemaObject } | undefined;
  const property = properties?.[String(key)];
  if (property) return { schema: property, baseId: node.baseId };
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    for (const branch of (schema[keyword] as AnySchemaObject[] | undefined) ?? []) {
      const found = childNode(registry, { schema: branch, baseId: node.baseId }, key);
      if (found) return found;
    }
  }
  return undefined;
}

export function nodeAt(
  registry: SchemaLookup,
  root: SchemaNode,
  path: ReadonlyArray<string | number>,
): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const key of path) {
    if (!node) return undefined;
    node = childNode(registry, node, key);
  }
  return node ? deref(registry, node) : undefined;
}

/** The property names a schema declares, in the order it declares them. */
export function propertyNames(registry: SchemaLookup, node: SchemaNode): string[] {
  const schema = deref(registry, node).schema;
  return Object.keys((schema.properties as object | undefined) ?? {});
}

/** A field's human name: its schema title, else the key itself. */
export function titleOf(node: SchemaNode | undefined, fallback: string): string {
  const title = node?.schema.title;
  return typeof title === 'string' ? title : fallback;
}
