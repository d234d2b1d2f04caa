import { pointerSegments } from '../yaml/locate.ts';

/**
 * A migration moves records from one version of a schema to the next: a list of operations on the
 * record, written as JSON next to the schema (`schemas/<name>/migrations/<from>-to-<to>.json`)
 * and reviewed like the schema itself. Paths are JSON pointers; `*` stands for every item of a list.
 */
export type MigrationOperation =
  | { op: 'rename'; path: string; to: string }
  | { op: 'move'; from: string; path: string }
  | { op: 'remove'; path: string }
  | { op: 'add'; path: string; value: unknown }
  | { op: 'wrap'; path: string };

export interface Migration {
  name: string;
  from: string;
  to: string;
  description: string;
  operations: MigrationOperation[];
  file: string;
}

const OPERATIONS = new Set(['rename', 'move', 'remove', 'add', 'wrap']);

/** Checks a parsed migration file; returns the problems found, empty when it is usable. */
export function migrationProblems(json: unknown): string[] {
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    return ['a migration is a JSON object'];
  const m = json as { [key: string]: unknown };
  const problems: string[] = [];
  for (const key of ['from', 'to', 'description'])
    if (typeof m[key] !== 'string') problems.push(`\`${key}\` must be a string`);
  if (!Array.isArray(m.operations)) return [...problems, '`operations` must be a list'];
  m.operations.forEach((operation: unknown, index) => {
    const op = operation as { [key: string]: unknown };
    if (!op || typeof op !== 'object' || !OPERATIONS.has(String(op.op))) {
      problems.push(`operations[${index}].op must be one of ${[...OPERATIONS].join(', ')}`);
      return;
    }
    const pointers =
      op.op === 'rename' ? ['path', 'to'] : op.op === 'move' ? ['from', 'path'] : ['path'];
    for (const key of pointers) {
      if (typeof op[key] !== 'string' || !String(op[key]).startsWith('/'))
        problems.push(`operations[${index}].${key} must be a JSON pointer`);
    }
    if (op.op === 'rename' && typeof op.path === 'string' && typeof op.to === 'string') {
      const [a, b] = [pointerSegments(op.path), pointerSegments(op.to)];
      if (a.length !== b.length || a.slice(0, -1).join('/') !== b.slice(0, -1).join('/')) {
        problems.push(
          `operations[${index}]: rename keeps a field in its mapping; use move to go elsewhere`,
        );
      }
    }
    if (op.op === 'add' && !('value' in op))
      problems.push(`operations[${index}]: add needs a value`);
  });
  return problems;
}

/** The chain of migrations from one version to another, or undefined when there is none. */
export function migrationPath(
  migrations: readonly Migration[],
  from: string,
  to: string,
): Migration[] | undefined {
  const queue: Array<{ version: string; path: Migration[] }> = [{ version: from, path: [] }];
  const seen = new Set([from]);
  while (queue.length > 0) {
    const { version, path } = queue.shift() as { version: string; path: Migration[] };
    if (version === to) return path;
    for (const migration of migrations.filter((m) => m.from === version && !seen.has(m.to))) {
      seen.add(migration.to);
      queue.push({ version: migration.to, path: [...path, migration] });
    }
  }
  return undefined;
}
