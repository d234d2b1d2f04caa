import { CONTENT_DIR, NAME_PATTERN } from '../records/layout.ts';

/** The collections a change touches, from the paths it changed (`content/<collection>/…`). */
export function touchedCollections(paths: readonly string[]): string[] {
  const names = new Set<string>();
  for (const file of paths) {
    const parts = file.split('/');
    if (parts[0] === CONTENT_DIR && parts.length >= 3 && NAME_PATTERN.test(parts[1] ?? ''))
      names.add(parts[1] as string);
  }
  return [...names].sort();
}

/** The label a collection's pull or merge requests get. */
export const COLLECTION_LABEL_PREFIX = 'collection:';

export function collectionLabel(collection: string): string {
  return `${COLLECTION_LABEL_PREFIX}${collection}`;
}
