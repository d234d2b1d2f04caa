import * as path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { ArchiveFs } from '../records/archive-fs.ts';
import { isMissing, nodeArchiveFs } from '../records/archive-fs.ts';
import { SCHEMAS_DIR } from '../records/layout.ts';
import { fileDiagnostic } from '../records/source.ts';
import { migrationProblems } from './migration.ts';
import type { Migration } from './migration.ts';

/** Reads `schemas/<name>/migrations/<from>-to-<to>.json` for every schema. */
export async function loadMigrations(
  root: string,
  fs: ArchiveFs = nodeArchiveFs,
): Promise<{ migrations: Migration[]; diagnostics: Diagnostic[] }> {
  const migrations: Migration[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const schema of await fs.readdir(path.join(root, SCHEMAS_DIR))) {
    if (!schema.isDirectory()) continue;
    const dir = `${SCHEMAS_DIR}/${schema.name}/migrations`;
    let entries;
    try {
      entries = await fs.readdir(path.join(root, dir));
    } catch (error) {
      if (isMissing(error)) continue;
      throw error;
    }
    for (const entry of entries.filter((e) => e.isFile() && e.name.endsWith('.json'))) {
      const file = `${dir}/${entry.name}`;
      let json: unknown;
      try {
        json = JSON.parse(Buffer.from(await fs.readFile(path.join(root, file))).toString('utf8'));
      } catch (error) {
        diagnostics.push(
          fileDiagnostic(
            file,
            'CAPSULE_MIGRATION_FILE',
            `${file} is not valid JSON: ${(error as Error).message}.`,
            'Fix the JSON syntax.',
          ),
        );
        continue;
      }
      const problems = migrationProblems(json);
      const expectedName = `${(json as { from?: string }).from}-to-${(json as { to?: string }).to}.json`;
      if (problems.length === 0 && entry.name !== expectedName)
        problems.push(`the file must be named ${expectedName}`);
      if (problems.length > 0) {
        diagnostics.push(
          fileDiagnostic(
            file,
            'CAPSULE_MIGRATION_FILE',
            `${file} is not a usable migration: ${problems.join('; ')}.`,
            'A migration is {"from", "to", "description", "operations": [{"op": "rename|move|remove|add|wrap", ...}]}; see README, "Schema versions and migrations".',
          ),
        );
        continue;
      }
      migrations.push({ ...(json as Omit<Migration, 'name' | 'file'>), name: schema.name, file });
    }
  }
  return { migrations, diagnostics };
}
