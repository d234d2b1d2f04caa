import { toPointer } from '../yaml/locate.ts';

/**
 * A field-level change between two versions of a record, as an RFC 6902 JSON Patch operation
 * with the value it replaced (`oldValue`, ignored by JSON Patch tools). Applied in order, a
 * revision's changes turn the previous version into this one; every operation carries what it
 * removed, so the list can also be undone (see patch.ts).
 */
export interface FieldChange {
  op: 'add' | 'remove' | 'replace';
  /** RFC 6901 pointer; array indexes refer to the list as it is when the operation applies. */
  path: string;
  value?: unknown;
  oldValue?: unknown;
}

/** Above this many element comparisons a changed list is compared position by position. */
const LCS_LIMIT = 250_000;

/** The changes that turn `before` into `after` (both plain JSON values, `undefined` for absent). */
export function diffValues(before: unknown, after: unknown): FieldChange[] {
  const out: FieldChange[] = [];
  if (before === undefined && after === undefined) return out;
  if (before === undefined) out.push({ op: 'add', path: '', value: after });
  else if (after === undefined) out.push({ op: 'remove', path: '', oldValue: before });
  else diffInto(before, after, [], out);
  return out;
}

function diffInto(
  before: unknown,
  after: unknown,
  path: Array<string | number>,
  out: FieldChange[],
): void {
  if (deepEqual(before, after)) return;
  if (isPlainObject(before) && isPlainObject(after)) {
    for (const key of Object.keys(after)) {
      if (Object.hasOwn(before, key)) diffInto(before[key], after[key], [...path, key], out);
      else out.push({ op: 'add', path: toPointer([...path, key]), value: after[key] });
    }
    for (const key of Object.keys(before)) {
      if (!Object.hasOwn(after, key))
        out.push({ op: 'remove', path: toPointer([...path, key]), oldValue: before[key] });
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    diffArrays(before, after, path, out);
    return;
  }
  out.push({ op: 'replace', path: toPointer(path), value: after, oldValue: before });
}

type Step = 'keep' | 'delete' | 'insert';

/**
 * Lists are aligned on their longest common subsequence, so inserting a person at the top of
 * `people` is one `add`, not a change of every entry. A deleted item facing an inserted one of
 * the same shape is compared field by field instead (an edited affiliation stays one change).
 */
function diffArrays(
  before: readonly unknown[],
  after: readonly unknown[],
  path: Array<string | number>,
  out: FieldChange[],
): void {
  let start = 0;
  while (start < before.length && start < after.length && deepEqual(before[start], after[start]))
    start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (
    endBefore > start &&
    endAfter > start &&
    deepEqual(before[endBefore - 1], after[endAfter - 1])
  ) {
    endBefore--;
    endAfter--;
  }
  const a = before.slice(start, endBefore);
  const b = after.slice(start, endAfter);
  const steps = a.length * b.length <= LCS_LIMIT ? alignByLcs(a, b) : alignByPosition(a, b);

  // `index` is the position in the list as the operations emitted so far have left it.
  let index = start;
  let ai = 0;
  let bi = 0;
  let deleted: unknown[] = [];
  let inserted: unknown[] = [];
  const flush = () => {
    const paired = Math.min(deleted.length, inserted.length);
    for (let k = 0; k < paired; k++) {
      diffInto(deleted[k], inserted[k], [...path, index], out);
      index++;
    }
    for (let k = paired; k < deleted.length; k++)
      out.push({ op: 'remove', path: toPointer([...path, index]), oldValue: deleted[k] });
    for (let k = paired; k < inserted.length; k++) {
      out.push({ op: 'add', path: toPointer([...path, index]), value: inserted[k] });
      index++;
    }
    deleted = [];
    inserted = [];
  };
  for (const step of steps) {
    if (step === 'keep') {
      flush();
      index++;
      ai++;
      bi++;
    } else if (step === 'delete') {
      deleted.push(a[ai++]);
    } else {
      inserted.push(b[bi++]);
    }
  }
  flush();
}

function alignByLcs(a: readonly unknown[], b: readonly unknown[]): Step[] {
  const keysA = a.map(canonicalKey);
  const keysB = b.map(canonicalKey);
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table = new Uint32Array(rows * cols);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * cols + j] =
        keysA[i] === keysB[j]
          ? (table[(i + 1) * cols + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * cols + j] ?? 0, table[i * cols + j + 1] ?? 0);
    }
  }
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (keysA[i] === keysB[j]) {
      steps.push('keep');
      i++;
      j++;
    } else if ((table[(i + 1) * cols + j] ?? 0) >= (table[i * cols + j + 1] ?? 0)) {
      steps.push('delete');
      i++;
    } else {
      steps.push('insert');
      j++;
    }
  }
  while (i++ < a.length) steps.push('delete');
  while (j++ < b.length) steps.push('insert');
  return steps;
}

function alignByPosition(a: readonly unknown[], b: readonly unknown[]): Step[] {
  return [
    ...Array.from({ length: a.length }, (): Step => 'delete'),
    ...Array.from({ length: b.length }, (): Step => 'insert'),
  ];
}

export function isPlainObject(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Structural equality of JSON values; the order of a mapping's keys does not matter. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => deepEqual(item, b[index]));
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const objectB = b as { [key: string]: unknown };
  if (ka.length !== Object.keys(objectB).length) return false;
  return ka.every(
    (key) =>
      Object.hasOwn(objectB, key) && deepEqual((a as { [k: string]: unknown })[key], objectB[key]),
  );
}

/** A string equal for structurally equal values (keys sorted). */
export function canonicalKey(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalKey).join(',')}]`;
  if (isPlainObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalKey(value[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}
