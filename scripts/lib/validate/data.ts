import type { UnknownMap } from '../records/types.ts';

/** Defensive readers for parsed data that may not match its schema. */
export function field(data: unknown, key: string): unknown {
  return data !== null && typeof data === 'object' && !Array.isArray(data)
    ? (data as UnknownMap)[key]
    : undefined;
}

export function text(data: unknown, key: string): string | undefined {
  const value = field(data, key);
  return typeof value === 'string' ? value : undefined;
}

export function list(data: unknown, key: string): unknown[] {
  const value = field(data, key);
  return Array.isArray(value) ? value : [];
}

export function isMap(value: unknown): value is UnknownMap {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
