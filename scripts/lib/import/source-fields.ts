import { showValue } from '../text/suggest.ts';
import { toPointer } from '../yaml/index.ts';

/**
 * Reads a foreign record (CAP, CERN Open Data) while keeping count of what was used, so an
 * importer can list every field it did not map: nothing is dropped silently. A mapping reads a
 * value with `get`, and marks it (and everything under it) as mapped with `use`, or as read but
 * refused with `refuse` and the reason.
 */
export interface UnmappedField {
  /** JSON pointer into the source record. */
  pointer: string;
  /** The value, shortened for a report line. */
  value: string;
  reason: string;
}

type Path = ReadonlyArray<string | number>;

export const NO_FIELD = 'Capsule has no field for it';

export class SourceFields {
  readonly data: unknown;
  readonly #used = new Set<string>();
  readonly #refused = new Map<string, string>();

  constructor(data: unknown) {
    this.data = data;
  }

  get(...path: Path): unknown {
    let current = this.data;
    for (const segment of path) {
      if (current === null || typeof current !== 'object') return undefined;
      current = (current as { [key: string]: unknown })[String(segment)];
    }
    return current;
  }

  /** A non-empty trimmed string at `path`, or undefined. */
  text(...path: Path): string | undefined {
    const value = this.get(...path);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  }

  list(...path: Path): unknown[] {
    const value = this.get(...path);
    return Array.isArray(value) ? value : [];
  }

  /** Marks the value at `path` (and all below it) as mapped; returns it. */
  use<T = unknown>(...path: Path): T {
    this.#used.add(toPointer(path));
    return this.get(...path) as T;
  }

  /** Marks the value at `path` as read but not taken, with the reason for the report. */
  refuse(reason: string, ...path: Path): void {
    this.#refused.set(toPointer(path), reason);
  }

  /**
   * Every non-empty value not mapped: refused values with their reason, the rest as having no
   * Capsule field. Empty strings, lists and objects carry nothing and are counted apart.
   */
  unmapped(): { fields: UnmappedField[]; empty: number } {
    const fields: UnmappedField[] = [];
    let empty = 0;
    const walk = (value: unknown, path: Array<string | number>) => {
      const pointer = toPointer(path);
      if (this.#used.has(pointer)) return;
      const refused = this.#refused.get(pointer);
      if (refused !== undefined) {
        fields.push({ pointer, value: preview(value), reason: refused });
        return;
      }
      if (value === null || value === undefined || value === '') {
        empty++;
        return;
      }
      if (Array.isArray(value)) {
        if (value.length === 0) empty++;
        value.forEach((item, index) => walk(item, [...path, index]));
        return;
      }
      if (typeof value === 'object') {
        const entries = Object.entries(value);
        if (entries.length === 0) empty++;
        for (const [key, item] of entries) walk(item, [...path, key]);
        return;
      }
      fields.push({ pointer, value: preview(value), reason: NO_FIELD });
    };
    walk(this.data, []);
    return { fields, empty };
  }
}

function preview(value: unknown): string {
  return showValue(value, 80);
}
