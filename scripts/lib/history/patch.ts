import { pointerSegments } from '../yaml/locate.ts';
import type { FieldChange } from './field-diff.ts';
import { isPlainObject } from './field-diff.ts';

/**
 * Applies field changes (RFC 6902 add/remove/replace, in order) to a value and returns the new
 * value; the input is not modified. `undefined` stands for "no record".
 */
export function applyChanges(value: unknown, changes: readonly FieldChange[]): unknown {
  let result = value === undefined ? undefined : structuredClone(value);
  for (const change of changes) result = applyOne(result, change);
  return result;
}

/** Undoes field changes: from a revision's version back to the one before it. */
export function revertChanges(value: unknown, changes: readonly FieldChange[]): unknown {
  return applyChanges(value, [...changes].reverse().map(invert));
}

export function invert(change: FieldChange): FieldChange {
  if (change.op === 'add') return { op: 'remove', path: change.path, oldValue: change.value };
  if (change.op === 'remove') return { op: 'add', path: change.path, value: change.oldValue };
  return { op: 'replace', path: change.path, value: change.oldValue, oldValue: change.value };
}

function applyOne(document: unknown, change: FieldChange): unknown {
  const segments = pointerSegments(change.path);
  if (segments.length === 0) return change.op === 'remove' ? undefined : copy(change.value);
  let parent: unknown = document;
  for (const segment of segments.slice(0, -1)) {
    parent = child(parent, segment, change.path);
  }
  const last = segments[segments.length - 1] as string;
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : arrayIndex(last, change.path);
    const limit = change.op === 'add' ? parent.length : parent.length - 1;
    if (index > limit) throw new PatchError(change.path, 'is past the end of the list');
    if (change.op === 'add') parent.splice(index, 0, copy(change.value));
    else if (change.op === 'remove') parent.splice(index, 1);
    else parent[index] = copy(change.value);
  } else if (isPlainObject(parent)) {
    if (change.op !== 'add' && !Object.hasOwn(parent, last))
      throw new PatchError(change.path, 'names no field');
    if (change.op === 'remove') delete parent[last];
    else parent[last] = copy(change.value);
  } else {
    throw new PatchError(change.path, 'goes inside a value that is not a mapping or a list');
  }
  return document;
}

function child(parent: unknown, segment: string, pointer: string): unknown {
  if (Array.isArray(parent)) {
    const index = arrayIndex(segment, pointer);
    if (index >= parent.length) throw new PatchError(pointer, 'is past the end of the list');
    return parent[index];
  }
  if (isPlainObject(parent) && Object.hasOwn(parent, segment)) return parent[segment];
  throw new PatchError(pointer, 'names no field');
}

function arrayIndex(segment: string, pointer: string): number {
  if (!/^(0|[1-9][0-9]*)$/.test(segment)) throw new PatchError(pointer, 'is not a list index');
  return Number(segment);
}

function copy(value: unknown): unknown {
  return value === undefined ? undefined : structuredClone(value);
}

/** A change that does not fit the value it is applied to (the history and the record disagree). */
export class PatchError extends Error {
  constructor(pointer: string, problem: string) {
    super(`The change at ${pointer || '(the whole record)'} ${problem}.`);
  }
}
