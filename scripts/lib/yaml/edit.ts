import { emptyTrivia } from './nodes.ts';
import type { MapEntry, MapNode, ScalarNode, YamlDocument, YamlNode } from './nodes.ts';
import type { Path } from './emit.ts';

/**
 * Edits a YAML tree in place, for programs that write into records (DOI write-back, syncing code
 * repositories). Untouched entries keep their comments and spelling; written with `emitYaml`
 * the change shows up as a minimal diff.
 */

/** Decides where a new key goes among a mapping's keys: the index to insert at. */
export type InsertPosition = (path: Path, existingKeys: string[], key: string) => number;

const append: InsertPosition = (_path, keys) => keys.length;

/** Makes a tree node for a plain value. */
export function toNode(value: unknown): YamlNode {
  if (Array.isArray(value)) {
    return {
      kind: 'seq',
      flow: false,
      start: -1,
      end: -1,
      items: value.map((item) => ({ value: toNode(item), trivia: emptyTrivia() })),
    };
  }
  if (value !== null && typeof value === 'object') {
    const entries: MapEntry[] = Object.entries(value as { [key: string]: unknown })
      .filter(([, item]) => item !== undefined)
      .map(([key, item]) => ({ key: scalar(key), value: toNode(item), trivia: emptyTrivia() }));
    return { kind: 'map', flow: false, start: -1, end: -1, entries };
  }
  if (value === undefined) return scalar(null);
  return scalar(value as string | number | boolean | null);
}

function scalar(value: string | number | boolean | null): ScalarNode {
  return { kind: 'scalar', value, style: 'plain', start: -1, end: -1 };
}

/**
 * Sets the value at `path`, creating mappings on the way. An existing mapping is merged key by key,
 * so its comments and untouched keys stay; anything else is replaced.
 */
export function setIn(
  doc: YamlDocument,
  path: Path,
  value: unknown,
  position: InsertPosition = append,
): void {
  if (path.length === 0) {
    doc.root = mergeNode(doc.root, value, [], position);
    return;
  }
  if (!doc.root || doc.root.kind !== 'map') doc.root = toNode({});
  let map = doc.root as MapNode;
  for (let depth = 0; depth < path.length - 1; depth++) {
    const key = String(path[depth]);
    let entry = map.entries.find((candidate) => candidate.key.value === key);
    if (!entry || entry.value.kind !== 'map') {
      if (entry) entry.value = toNode({});
      else entry = insertEntry(map, path.slice(0, depth), key, toNode({}), position);
    }
    map = entry.value as MapNode;
  }
  const last = String(path[path.length - 1]);
  const entry = map.entries.find((candidate) => candidate.key.value === last);
  if (entry) entry.value = mergeNode(entry.value, value, path, position);
  else insertEntry(map, path.slice(0, -1), last, toNode(value), position);
}

/** Removes the entry at `path`, if present. */
export function deleteIn(doc: YamlDocument, path: Path): void {
  let node = doc.root;
  for (const segment of path.slice(0, -1)) {
    if (!node || node.kind !== 'map') return;
    node = node.entries.find((entry) => entry.key.value === String(segment))?.value ?? null;
  }
  if (!node || node.kind !== 'map') return;
  const last = String(path[path.length - 1]);
  node.entries = node.entries.filter((entry) => entry.key.value !== last);
}

function mergeNode(
  node: YamlNode | null,
  value: unknown,
  path: Path,
  position: InsertPosition,
): YamlNode {
  const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
  if (!isObject || !node || node.kind !== 'map') {
    if (node?.kind === 'scalar' && node.value === value) return node;
    return toNode(value);
  }
  for (const [key, item] of Object.entries(value as { [key: string]: unknown })) {
    if (item === undefined) continue;
    const entry = node.entries.find((candidate) => candidate.key.value === key);
    if (entry) entry.value = mergeNode(entry.value, item, [...path, key], position);
    else insertEntry(node, path, key, toNode(item), position);
  }
  return node;
}

function insertEntry(
  map: MapNode,
  path: Path,
  key: string,
  value: YamlNode,
  position: InsertPosition,
): MapEntry {
  const keys = map.entries.map((entry) => String(entry.key.value));
  const index = Math.max(0, Math.min(keys.length, position(path, keys, key)));
  const entry: MapEntry = { key: scalar(key), value, trivia: emptyTrivia() };
  map.entries.splice(index, 0, entry);
  return entry;
}
