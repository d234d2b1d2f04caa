/**
 * The edits the submission form makes to a record's data, which is the form's whole state: set a
 * field, clear it, add, remove and move list items. A field that is cleared disappears from the
 * record, and so does a section (a mapping) that clearing leaves empty, so an untouched optional
 * section never shows up as `{}`; list items stay until they are removed.
 */
export type FormPath = ReadonlyArray<string | number>;
export type RecordData = { [key: string]: unknown };

type Container = { [key: string]: unknown } | unknown[];

export function valueAt(data: unknown, path: FormPath): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as { [key: string]: unknown })[String(key)];
  }
  return current;
}

/** Sets a value, making the mappings and lists on the way. */
export function setValue(data: RecordData, path: FormPath, value: unknown): void {
  if (path.length === 0) throw new Error('The record itself cannot be replaced.');
  let container: Container = data;
  for (let depth = 0; depth < path.length - 1; depth++) {
    const key = path[depth] as string | number;
    const next = path[depth + 1];
    let child = read(container, key);
    if (child === null || typeof child !== 'object') {
      child = typeof next === 'number' ? [] : {};
      write(container, key, child);
    }
    container = child as Container;
  }
  write(container, path[path.length - 1] as string | number, value);
}

/** Removes a field; mappings left empty by that are removed too, up to the nearest list item. */
export function clearValue(data: RecordData, path: FormPath): void {
  for (let end = path.length; end > 0; end--) {
    const parent = valueAt(data, path.slice(0, end - 1));
    const key = path[end - 1] as string | number;
    if (parent === null || typeof parent !== 'object') return;
    if (Array.isArray(parent)) return;
    if (end < path.length) {
      const child = (parent as { [key: string]: unknown })[String(key)];
      if (!isEmptyMapping(child)) return;
    }
    delete (parent as { [key: string]: unknown })[String(key)];
  }
}

function isEmptyMapping(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).length === 0
  );
}

/** Appends an item to the list at `path` (made if missing); returns its index. */
export function addItem(data: RecordData, path: FormPath, item: unknown): number {
  const list = valueAt(data, path);
  if (Array.isArray(list)) {
    list.push(item);
    return list.length - 1;
  }
  setValue(data, path, [item]);
  return 0;
}

/** Removes a list item; a list left empty is removed like a cleared field. */
export function removeItem(data: RecordData, path: FormPath, index: number): void {
  const list = valueAt(data, path);
  if (!Array.isArray(list) || index < 0 || index >= list.length) return;
  list.splice(index, 1);
  if (list.length === 0) clearValue(data, path);
}

/** Moves a list item to another position. */
export function moveItem(data: RecordData, path: FormPath, from: number, to: number): void {
  const list = valueAt(data, path);
  if (!Array.isArray(list) || from === to) return;
  if (from < 0 || from >= list.length || to < 0 || to >= list.length) return;
  const [item] = list.splice(from, 1);
  list.splice(to, 0, item);
}

/**
 * The value a number box holds: a number when the text is one, else the text itself, so that the
 * validator reports it ("must be a number, but is a string") instead of the form dropping it.
 */
export function parseNumber(text: string): number | string {
  const trimmed = text.trim();
  if (/^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(trimmed)) {
    const value = Number(trimmed);
    if (Number.isFinite(value)) return value;
  }
  return text;
}

function read(container: Container, key: string | number): unknown {
  return (container as { [key: string]: unknown })[String(key)];
}

function write(container: Container, key: string | number, value: unknown): void {
  (container as { [key: string]: unknown })[String(key)] = value;
}
