import { deleteIn, setIn } from '../yaml/index.ts';
import { pointerSegments } from '../yaml/locate.ts';
import type { MapNode, YamlDocument, YamlNode } from '../yaml/index.ts';
import type { InsertPosition } from '../yaml/index.ts';
import type { Migration, MigrationOperation } from './migration.ts';

/**
 * Applies migrations to a record's YAML tree in place. Renames keep the entry (its comments and
 * spelling); other operations rewrite only what they touch.
 */
export function applyMigrations(
  document: YamlDocument,
  migrations: readonly Migration[],
  position?: InsertPosition,
): void {
  for (const migration of migrations) {
    for (const operation of migration.operations) applyOperation(document, operation, position);
    setIn(document, ['$schema'], `${migration.name}/${migration.to}`);
  }
}

function applyOperation(
  document: YamlDocument,
  operation: MigrationOperation,
  position?: InsertPosition,
): void {
  switch (operation.op) {
    case 'rename':
      for (const path of expand(document.root, pointerSegments(operation.path))) {
        const parent = nodeAtPath(document.root, path.slice(0, -1));
        const entry =
          parent?.kind === 'map'
            ? parent.entries.find((e) => e.key.value === path[path.length - 1])
            : undefined;
        const newKey = pointerSegments(operation.to).pop() as string;
        if (
          entry &&
          parent?.kind === 'map' &&
          !parent.entries.some((e) => e.key.value === newKey)
        ) {
          entry.key = { kind: 'scalar', value: newKey, style: 'plain', start: -1, end: -1 };
        }
      }
      return;
    case 'move':
      for (const path of expand(document.root, pointerSegments(operation.from))) {
        const node = nodeAtPath(document.root, path);
        if (!node) continue;
        const target = substitute(pointerSegments(operation.path), path);
        deleteIn(document, path);
        setIn(document, target, plainValue(node), position);
      }
      return;
    case 'remove':
      for (const path of expand(document.root, pointerSegments(operation.path)))
        deleteIn(document, path);
      return;
    case 'add': {
      const segments = pointerSegments(operation.path);
      for (const path of expand(document.root, segments.slice(0, -1))) {
        const full = [...path, segments[segments.length - 1] as string];
        if (!nodeAtPath(document.root, full)) setIn(document, full, operation.value, position);
      }
      return;
    }
    case 'wrap':
      for (const path of expand(document.root, pointerSegments(operation.path))) {
        const node = nodeAtPath(document.root, path);
        if (node && node.kind !== 'seq') setIn(document, path, [plainValue(node)], position);
      }
      return;
  }
}

/** Every concrete path a pointer with `*` wildcards names in the tree. */
function expand(root: YamlNode | null, segments: string[]): string[][] {
  let paths: string[][] = [[]];
  for (const segment of segments) {
    const next: string[][] = [];
    for (const path of paths) {
      if (segment !== '*') {
        next.push([...path, segment]);
        continue;
      }
      const node = nodeAtPath(root, path);
      if (node?.kind === 'seq')
        node.items.forEach((_, index) => next.push([...path, String(index)]));
    }
    paths = next;
  }
  return paths;
}

/** In a move target, `*` takes the index the source path had at the same depth. */
function substitute(target: string[], source: string[]): string[] {
  return target.map((segment, index) => (segment === '*' ? (source[index] ?? '0') : segment));
}

function nodeAtPath(root: YamlNode | null, path: readonly string[]): YamlNode | undefined {
  let node: YamlNode | undefined = root ?? undefined;
  for (const segment of path) {
    if (!node) return undefined;
    if (node.kind === 'map')
      node = (node as MapNode).entries.find((entry) => entry.key.value === segment)?.value;
    else if (node.kind === 'seq') node = node.items[Number(segment)]?.value;
    else return undefined;
  }
  return node;
}

function plainValue(node: YamlNode): unknown {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map((item) => plainValue(item.value));
  const out: { [key: string]: unknown } = {};
  for (const entry of node.entries) out[String(entry.key.value)] = plainValue(entry.value);
  return out;
}
