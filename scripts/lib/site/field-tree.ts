import type { SchemaRegistry } from '../schemas/registry.ts';
import { childNode, deref, refChain, rootNode } from '../schemas/walk.ts';
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
  /** Per schema, a tree of what is known about each path (list items under `*`). */
  readonly #roots = new Map<string, SchemaPath>();

  constructor(registry: SchemaRegistry) {
    this.#registry = registry;
  }

  /** Fields of a record, without those listed in `omit` (top-level keys). */
  build(
    schemaRef: string,
    data: { [key: string]: unknown },
    omit: ReadonlySet<string> = new Set(),
  ): FieldNode[] {
    return this.#fields(this.#root(schemaRef), data, omit);
  }

  /**
   * The schema's titles along a path into a record (a field change's pointer, split): one per
   * segment, a list position (digits) getting its list's title. `People`, `People`, `Name` for
   * `people/1/given_name`.
   */
  titles(schemaRef: string, segments: readonly string[]): string[] {
    const titles: string[] = [];
    let at = this.#root(schemaRef);
    let title = '';
    for (const segment of segments) {
      if (/^\d+$/.test(segment)) {
        at = this.#child(at, '*');
      } else {
        at = this.#child(at, segment);
        title = at.info?.title ?? humanise(segment);
      }
      titles.push(title);
    }
    return titles;
  }

  /** A value found at a path into a record, as a field (labelled and formatted by the schema). */
  valueAt(schemaRef: string, segments: readonly string[], value: unknown): FieldNode {
    let at = this.#root(schemaRef);
    for (const segment of segments) at = this.#child(at, /^\d+$/.test(segment) ? '*' : segment);
    const key = segments[segments.length - 1] ?? '';
    return this.#node(at, key, value);
  }

  #root(schemaRef: string): SchemaPath {
    let root = this.#roots.get(schemaRef);
    if (!root) {
      const node = rootNode(this.#registry, schemaRef);
      root = {
        node,
        info: node ? describe(refChain(this.#registry, node)) : undefined,
        children: new Map(),
      };
      this.#roots.set(schemaRef, root);
    }
    return root;
  }

  #fields(
    parent: SchemaPath,
    data: { readonly [key: string]: unknown },
    omit: ReadonlySet<string> = EMPTY,
  ): FieldNode[] {
    const order = parent.info?.order ?? [];
    const keys = order.filter((name) => name in data);
    for (const name of Object.keys(data)) if (!order.includes(name)) keys.push(name);
    const out: FieldNode[] = [];
    for (const name of keys) {
      const value = data[name];
      if (omit.has(name) || value === undefined || value === null) continue;
      out.push(this.#node(this.#child(parent, name), name, value));
    }
    return out;
  }

  #node(path: SchemaPath, name: string, value: unknown): FieldNode {
    const info = path.info;
    const node: FieldNode = { key: name, title: info?.title ?? humanise(name) };
    if (info?.description) node.description = info.description;
    if (Array.isArray(value)) {
      const items = this.#child(path, '*');
      node.items = value.map((item, index) => {
        const child: FieldNode = { key: String(index + 1), title: `${node.title} ${index + 1}` };
        if (isMap(item)) child.fields = this.#fields(items, item);
        else child.value = formatValue(item, items.info);
        return child;
      });
    } else if (isMap(value)) {
      node.fields = this.#fields(path, value);
    } else {
      node.value = formatValue(value, info);
    }
    return node;
  }

  /** What the schema says about a property (or, for `*`, the items) of a path; walked once. */
  #child(parent: SchemaPath, name: string): SchemaPath {
    let child = parent.children.get(name);
    if (child) return child;
    const node = parent.node
      ? childNode(this.#registry, deref(this.#registry, parent.node), name === '*' ? 0 : name)
      : undefined;
    child = {
      node,
      info: node ? describe(refChain(this.#registry, node)) : undefined,
      children: new Map(),
    };
    parent.children.set(name, child);
    return child;
  }
}

interface SchemaPath {
  /** The subschema, before following its `$ref`s. */
  node: SchemaNode | undefined;
  info: FieldInfo | undefined;
  children: Map<string, SchemaPath>;
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
