import { nodeAt, propertyNames, rootNode } from '../schemas/walk.ts';
import type { SchemaLookup } from '../schemas/walk.ts';
import type { EmitOptions, InsertPosition, Path } from '../yaml/index.ts';
import type { MapEntry } from '../yaml/index.ts';

/**
 * Capsule's canonical key order: the order the schema declares its properties in, at every level;
 * keys the schema does not know go last, in the order they were written.
 */
export function schemaKeyOrder(
  registry: SchemaLookup,
  ref: string | undefined,
): (path: Path) => string[] {
  const root = ref ? rootNode(registry, ref) : undefined;
  const cache = new Map<string, string[]>();
  return (path) => {
    if (!root) return [];
    const key = JSON.stringify(path.map((segment) => (typeof segment === 'number' ? 0 : segment)));
    let order = cache.get(key);
    if (!order) {
      const node = nodeAt(registry, root, path);
      order = node ? propertyNames(registry, node) : [];
      cache.set(key, order);
    }
    return order;
  };
}

export function canonicalEntryOrder(
  registry: SchemaLookup,
  ref: string | undefined,
): NonNullable<EmitOptions['orderEntries']> {
  const keyOrder = schemaKeyOrder(registry, ref);
  return (path: Path, entries: MapEntry[]) => {
    const order = keyOrder(path);
    if (order.length === 0) return entries;
    const rank = new Map(order.map((key, index) => [key, index]));
    return entries
      .map((entry, index) => ({
        entry,
        index,
        rank: rank.get(String(entry.key.value)) ?? order.length,
      }))
      .sort((a, b) => a.rank - b.rank || a.index - b.index)
      .map(({ entry }) => entry);
  };
}

/** Where a new key goes so that an existing file keeps its order: after the keys that come before it canonically. */
export function canonicalInsertPosition(
  registry: SchemaLookup,
  ref: string | undefined,
): InsertPosition {
  const keyOrder = schemaKeyOrder(registry, ref);
  return (path, existingKeys, key) => {
    const order = keyOrder(path);
    const rank = order.indexOf(key);
    if (rank === -1) return existingKeys.length;
    let position = 0;
    existingKeys.forEach((existing, index) => {
      const existingRank = order.indexOf(existing);
      if (existingRank !== -1 && existingRank < rank) position = index + 1;
    });
    return position;
  };
}
