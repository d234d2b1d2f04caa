import type { SchemaRegistry } from '../schemas/registry.ts';
import { childNode, nodeAt, refChain, rootNode } from '../schemas/walk.ts';
import type { SchemaNode } from '../schemas/walk.ts';
import { isMap } from '../validate/data.ts';
import { identifierUrl } from './links.ts';

/**
 * The generic record renderer's model: a record's data walked alongside its schema, every field
 * labelled with the schema's title and description, every identifier linked by its format. The
 * page renders this tree as nested description lists, so a field added to a schema appears on
 * record pages with no change to the site.
 */
export interface FieldNode {
  key: string;
  title: string;
  description?: string;
  /** A scalar, formatted; absent for objects and lists. */
  value?: FieldValue;
  /** An object's fields, in the schema's order. */
  fields?: FieldNode[];
  /** A list's items (each a value or an object). */
  items?: FieldNode[];
}

export interface FieldValue {
  text: string;
  href?: string;
  /** Identifiers, paths and code read better in monospace. */
  code?: boolean;
}

interface FieldInfo {
  title?: string;
  description?: string;
  format?: string;
  /** Property names in the schema's order. */
  order: string[];
  code: boolean;
}

/**
 * Builds field trees for one schema registry, remembering what it learnt about each schema path
 * (9,000 record pages share a handful of schemas; each path is walked once).
 */
export class FieldTreeBuilder {
  readonly #registry: SchemaRegistry;
  readonly #info = new Map<string, FieldInfo | undefined>();

  constructor(registry: SchemaRegistry) {
    this.#registry = registry;
  }

  /** Fields of a record, without those listed in `omit` (top-level keys). */
  build(
    schemaRef: string,
    data: { [key: string]: unknown },
    omit: ReadonlySet<string> = new Set(),
  ): FieldNode[] {
    const root = rootNode(this.#registry, schemaRef);
    const context: WalkContext = { ref: schemaRef, root };
    const key = `${schemaRef}#`;
    return this.#fields(context, [], key, data, this.#lookup(context, [], key), omit);
  }

  #fields(
    context: WalkContext,
    path: Array<string | number>,
    key: string,
    data: { readonly [key: string]: unknown },
    info: FieldInfo | undefined,
    omit: ReadonlySet<string> = EMPTY,
  ): FieldNode[] {
    const order = info?.order ?? [];
    const keys = order.filter((name) => name in data);
    for (const name of Object.keys(data)) if (!order.includes(name)) keys.push(name);
    const out: FieldNode[] = [];
    for (const name of keys) {
      const value = data[name];
      if (omit.has(name) || value === undefined || value === null) continue;
      out.push(this.#node(context, [...path, name], `${key}/${name}`, name, value));
    }
    return out;
  }

  #node(
    context: WalkContext,
    path: Array<string | number>,
    key: string,
    name: string,
    value: unknown,
  ): FieldNode {
    const info = this.#lookup(context, path, key);
    const node: FieldNode = { key: name, title: info?.title ?? humanise(name) };
    if (info?.description) node.description = info.description;
    if (Array.isArray(value)) {
      const itemKey = `${key}/*`;
      node.items = value.map((item, index) => {
        const itemPath = [...path, index];
        const itemInfo = this.#lookup(context, itemPath, itemKey);
        const child: FieldNode = { key: String(index + 1), title: `${node.title} ${index + 1}` };
        if (isMap(item)) child.fields = this.#fields(context, itemPath, itemKey, item, itemInfo);
        else child.value = formatValue(item, itemInfo);
        return child;
      });
    } else if (isMap(value)) {
      node.fields = this.#fields(context, path, key, value, info);
    } else {
      node.value = formatValue(value, info);
    }
    return node;
  }

  /** The schema facts of a path; `key` names the path with list indexes as `*`. */
  #lookup(context: WalkContext, path: Array<string | number>, key: string): FieldInfo | undefined {
    const cached = this.#info.get(key);
    if (cached !== undefined || this.#info.has(key)) return cached;
    let info: FieldInfo | undefined;
    const root = context.root;
    if (root) {
      const parent = path.length > 0 ? nodeAt(this.#registry, root, path.slice(0, -1)) : undefined;
      const node =
        path.length === 0
          ? root
          : parent && childNode(this.#registry, parent, path[path.length - 1] as string | number);
      if (node) info = describe(refChain(this.#registry, node));
    }
    this.#info.set(key, info);
    return info;
  }
}

interface WalkContext {
  ref: string;
  root: SchemaNode | undefined;
}

const EMPTY: ReadonlySet<string> = new Set();

/** What the page needs of a field's schema: the first title and description along its `$ref`s. */
function describe(chain: SchemaNode[]): FieldInfo {
  const target = chain[chain.length - 1]?.schema ?? {};
  const first = (keyword: 'title' | 'description') =>
    chain
      .map((node) => node.schema[keyword])
      .find((value): value is string => typeof value === 'string');
  const format = typeof target.format === 'string' ? target.format : undefined;
  const pattern = typeof target.pattern === 'string' ? target.pattern : '';
  const info: FieldInfo = {
    order: Object.keys((target.properties as object | undefined) ?? {}),
    code: Boolean(format && format !== 'date' && format !== 'https-url') || pattern !== '',
  };
  const title = first('title');
  const description = first('description');
  if (title) info.title = title;
  if (description) info.description = description;
  if (format) info.format = format;
  return info;
}

function formatValue(value: unknown, info: FieldInfo | undefined): FieldValue {
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'boolean'
        ? value
          ? 'yes'
          : 'no'
        : String(value);
  const out: FieldValue = { text };
  const href =
    info?.format && typeof value === 'string' ? identifierUrl(info.format, value) : undefined;
  if (href) out.href = href;
  if (info?.code) out.code = true;
  return out;
}

function humanise(key: string): string {
  const words = key.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A list of flat objects (every field a value or a list of values) reads best as a table. */
export interface FieldTable {
  columns: Array<{ key: string; title: string }>;
  rows: Array<Array<FieldNode | undefined>>;
}

export function asTable(node: FieldNode): FieldTable | undefined {
  const items = node.items;
  if (!items || items.length === 0) return undefined;
  if (!items.every((item) => item.fields?.every(isFlat))) return undefined;
  const columns: FieldTable['columns'] = [];
  for (const item of items)
    for (const field of item.fields ?? [])
      if (!columns.some((column) => column.key === field.key))
        columns.push({ key: field.key, title: field.title });
  if (columns.length > 8) return undefined;
  return {
    columns,
    rows: items.map((item) =>
      columns.map((column) => item.fields?.find((field) => field.key === column.key)),
    ),
  };
}

function isFlat(field: FieldNode): boolean {
  return (
    field.value !== undefined || (field.items?.every((item) => item.value !== undefined) ?? false)
  );
}

/** One line of the flat "every field" view: a group heading or a field with its value(s). */
export interface FieldRow {
  depth: number;
  title: string;
  /** The schema's description, on the first row of each field only. */
  description?: string;
  /** Absent on group headings (objects and list items). */
  values?: FieldValue[];
}

/**
 * The tree as rows, depth first, for the page's "every field" table: one loop to render instead
 * of a component per object (it is on every record page).
 */
export function flattenFields(fields: readonly FieldNode[]): FieldRow[] {
  const rows: FieldRow[] = [];
  const described = new Set<string>();
  const visit = (nodes: readonly FieldNode[], depth: number, path: string) => {
    for (const node of nodes) {
      const key = `${path}/${node.key}`;
      const row: FieldRow = { depth, title: node.title };
      if (node.description && !described.has(key)) {
        described.add(key);
        row.description = node.description;
      }
      if (node.value) {
        rows.push({ ...row, values: [node.value] });
      } else if (node.items?.every((item) => item.value !== undefined)) {
        rows.push({ ...row, values: node.items.map((item) => item.value as FieldValue) });
      } else if (node.items) {
        rows.push(row);
        for (const item of node.items) {
          rows.push({ depth: depth + 1, title: item.title });
          if (item.fields) visit(item.fields, depth + 2, `${key}/*`);
          else if (item.value)
            rows[rows.length - 1] = { depth: depth + 1, title: item.title, values: [item.value] };
        }
      } else {
        rows.push(row);
        visit(node.fields ?? [], depth + 1, key);
      }
    }
  };
  visit(fields, 0, '');
  return rows;
}
