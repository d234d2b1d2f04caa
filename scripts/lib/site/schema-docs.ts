import type { AnySchemaObject } from 'ajv/dist/2020.js';
import type { SchemaRegistry } from '../schemas/registry.ts';
import { childNode, deref, refChain, rootNode } from '../schemas/walk.ts';
import type { SchemaNode } from '../schemas/walk.ts';

/**
 * A schema's documentation as rows, one per field, depth first: the site's schema pages render
 * them as a table. Generated from schemas/ alone, so the docs cannot drift from the schema.
 */
export interface SchemaFieldRow {
  /** `people[].affiliations[].ror` */
  path: string;
  depth: number;
  title: string;
  description?: string;
  type: string;
  required: boolean;
  constraints: string[];
  examples: string[];
}

const MAX_DEPTH = 6;

export function schemaFieldRows(registry: SchemaRegistry, ref: string): SchemaFieldRow[] {
  const root = rootNode(registry, ref);
  if (!root) return [];
  const rows: SchemaFieldRow[] = [];
  walkObject(registry, root, '', 0, rows, new Set());
  return rows;
}

function walkObject(
  registry: SchemaRegistry,
  node: SchemaNode,
  prefix: string,
  depth: number,
  rows: SchemaFieldRow[],
  seen: Set<string>,
): void {
  const object = deref(registry, node);
  const properties =
    (object.schema.properties as { [key: string]: AnySchemaObject } | undefined) ?? {};
  const required = new Set((object.schema.required as string[] | undefined) ?? []);
  for (const key of Object.keys(properties)) {
    const child = childNode(registry, object, key);
    if (!child) continue;
    const chain = refChain(registry, child);
    const target = chain[chain.length - 1] as SchemaNode;
    const path = prefix ? `${prefix}.${key}` : key;
    const first = (keyword: 'title' | 'description') =>
      chain
        .map((link) => link.schema[keyword])
        .find((value): value is string => typeof value === 'string');
    const row: SchemaFieldRow = {
      path,
      depth,
      title: first('title') ?? key,
      type: typeText(registry, target),
      required: required.has(key),
      constraints: constraints(registry, target),
      examples: examples(target.schema),
    };
    const description = first('description');
    if (description) row.description = description;
    rows.push(row);
    if (depth >= MAX_DEPTH) continue;
    const identity = `${target.baseId}#${path}`;
    if (seen.has(identity)) continue;
    const nested = new Set(seen).add(identity);
    if (isObject(target.schema)) walkObject(registry, target, path, depth + 1, rows, nested);
    const items = target.schema.items as AnySchemaObject | undefined;
    if (items && typeof items === 'object') {
      const itemNode = deref(registry, { schema: items, baseId: target.baseId });
      if (isObject(itemNode.schema))
        walkObject(registry, itemNode, `${path}[]`, depth + 1, rows, nested);
    }
  }
}

function isObject(schema: AnySchemaObject): boolean {
  return schema.type === 'object' || schema.properties !== undefined;
}

function typeText(registry: SchemaRegistry, node: SchemaNode): string {
  const schema = node.schema;
  if (schema.const !== undefined) return `constant ${JSON.stringify(schema.const)}`;
  if (schema.type === 'array' && schema.items && typeof schema.items === 'object') {
    const items = deref(registry, { schema: schema.items as AnySchemaObject, baseId: node.baseId });
    return `list of ${typeText(registry, items)}`;
  }
  const type = Array.isArray(schema.type) ? schema.type.join(' or ') : schema.type;
  const format = typeof schema.format === 'string' ? ` (${schema.format})` : '';
  return `${type ?? 'any'}${format}`;
}

function constraints(registry: SchemaRegistry, node: SchemaNode): string[] {
  const schema = node.schema;
  const out: string[] = [];
  if (Array.isArray(schema.enum))
    out.push(`one of ${schema.enum.map((value) => JSON.stringify(value)).join(', ')}`);
  if (typeof schema.pattern === 'string') out.push(`pattern ${schema.pattern}`);
  if (typeof schema.minimum === 'number') out.push(`≥ ${schema.minimum}`);
  if (typeof schema.exclusiveMinimum === 'number') out.push(`> ${schema.exclusiveMinimum}`);
  if (typeof schema.maximum === 'number') out.push(`≤ ${schema.maximum}`);
  if (typeof schema.minLength === 'number' && schema.minLength > 1)
    out.push(`at least ${schema.minLength} characters`);
  if (typeof schema.maxLength === 'number') out.push(`at most ${schema.maxLength} characters`);
  if (typeof schema.minItems === 'number' && schema.minItems > 0)
    out.push(`at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}`);
  if (typeof schema.maxItems === 'number') out.push(`at most ${schema.maxItems} items`);
  if (schema.uniqueItems === true) out.push('no duplicates');
  if (schema.type === 'array' && schema.items && typeof schema.items === 'object') {
    const items = deref(registry, { schema: schema.items as AnySchemaObject, baseId: node.baseId });
    if (!isObject(items.schema))
      out.push(...constraints(registry, items).map((text) => `each ${text}`));
  }
  return out;
}

function examples(schema: AnySchemaObject): string[] {
  const values = Array.isArray(schema.examples) ? schema.examples : [];
  return values
    .slice(0, 3)
    .map((value) => (typeof value === 'string' ? value : JSON.stringify(value)));
}
