import type { ScalarNode, YamlNode } from './nodes.ts';

export interface Located {
  /** The deepest node the pointer reaches. */
  node: YamlNode;
  /** The key of that node when it is a mapping value. */
  key?: ScalarNode;
  /** Whether the whole pointer was found (false: `node` is the nearest existing ancestor). */
  exact: boolean;
}

/** Splits an RFC 6901 JSON pointer into its unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function toPointer(path: ReadonlyArray<string | number>): string {
  return path
    .map((segment) => '/' + String(segment).replace(/~/g, '~0').replace(/\//g, '~1'))
    .join('');
}

/** Finds the node a JSON pointer names, walking the tree; costs nothing until a diagnostic needs it. */
export function locate(root: YamlNode | null, pointer: string): Located | undefined {
  if (!root) return undefined;
  let node: YamlNode = root;
  let key: ScalarNode | undefined;
  for (const segment of pointerSegments(pointer)) {
    if (node.kind === 'map') {
      const entry = node.entries.find((candidate) => String(candidate.key.value) === segment);
      if (!entry) return { node, key, exact: false };
      node = entry.value;
      key = entry.key;
    } else if (node.kind === 'seq') {
      const item = /^\d+$/.test(segment) ? node.items[Number(segment)] : undefined;
      if (!item) return { node, key, exact: false };
      node = item.value;
      key = undefined;
    } else {
      return { node, key, exact: false };
    }
  }
  return { node, key, exact: true };
}
