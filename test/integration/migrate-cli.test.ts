import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/repo.ts';
import { runCli } from '../helpers/run-cli.ts';
import { makeArchive, recordYaml } from '../helpers/temp-archive.ts';
import type { TempArchive } from '../helpers/temp-archive.ts';

/**
 * A collection adopts analysis/1.1.0, which renames `final_states` to `signatures` and turns the
 * single `collision` into a list `collisions`. The migration is published beside the schema.
 */
async function schemaV110(): Promise<string> {
  const schema = JSON.parse(
    await readFile(path.join(REPO_ROOT, 'schemas/analysis/1.0.0.json'), 'utf8'),
  );
  schema.$id = schema.$id.replace('1.0.0', '1.1.0');
  schema.properties.$schema.const = 'analysis/1.1.0';
  schema.properties.$schema.examples = ['analysis/1.1.0'];
  const { final_states: finalStates, collision, ...rest } = schema.properties;
  schema.properties = {
    ...rest,
    signatures: { ...finalStates, title: 'Signatures' },
    collisions: {
      title: 'Collisions',
      description: 'The collision data sets used.',
      type: 'array',
      items: collision,
    },
  };
  return JSON.stringify(schema, null, 2);
}

const MIGRATION = JSON.stringify({
  from: '1.0.0',
  to: '1.1.0',
  description: 'final_states becomes signatures; collision becomes a list',
  operations: [
    { op: 'rename', path: '/final_states', to: '/signatures' },
    { op: 'rename', path: '/collision', to: '/collisions' },
    { op: 'wrap', path: '/collisions' },
  ],
});

const RECORD = recordYaml({
  final_states: '\n  - mu mu # the golden channel',
  collision: '\n  system: pp\n  sqrt_s_tev: 13',
});

let archive: TempArchive | undefined;
afterEach(async () => {
  await archive?.cleanup();
  archive = undefined;
});

describe('capsule migrate', () => {
  it('lists, then moves records along the published migrations, keeping comments', async () => {
    archive = await makeArchive({
      'schemas/analysis/1.1.0.json': await schemaV110(),
      'schemas/analysis/migrations/1.0.0-to-1.1.0.json': MIGRATION,
      'content/general/dimuon/record.yaml': RECORD,
    });
    const check = await runCli(['migrate', '--check'], { cwd: archive.root });
    expect(check.stdout).toBe(
      'content/general/dimuon/record.yaml: analysis/1.0.0 → analysis/1.1.0 (final_states becomes signatures; collision becomes a list)\n',
    );
    const result = await runCli(['migrate'], { cwd: archive.root });
    expect(result.code).toBe(0);
    const migrated = await readFile(
      path.join(archive.root, 'content/general/dimuon/record.yaml'),
      'utf8',
    );
    expect(migrated).toContain('$schema: analysis/1.1.0\n');
    expect(migrated).toContain('signatures:\n  - mu mu # the golden channel\n');
    expect(migrated).toContain('collisions:\n  - system: pp\n    sqrt_s_tev: 13\n');
    expect(migrated).not.toContain('final_states');
    expect((await runCli(['validate'], { cwd: archive.root })).code).toBe(0);
    expect((await runCli(['migrate', '--check'], { cwd: archive.root })).stdout).toBe(
      'Every record is at its target schema version.\n',
    );
  });

  it('leaves a record untouched and says why when the result would not validate', async () => {
    const bad = RECORD.replace('  sqrt_s_tev: 13', '  sqrt_s_tev: 13\n  beam: protons');
    archive = await makeArchive({
      'schemas/analysis/1.1.0.json': await schemaV110(),
      'schemas/analysis/migrations/1.0.0-to-1.1.0.json': MIGRATION,
      'content/general/dimuon/record.yaml': bad,
    });
    const result = await runCli(['migrate'], { cwd: archive.root });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('CAPSULE_MIGRATION_RESULT');
    expect(result.stderr).toContain('`beam` is not a field');
    expect(
      await readFile(path.join(archive.root, 'content/general/dimuon/record.yaml'), 'utf8'),
    ).toBe(bad);
  });

  it('reports a record no migration chain can move', async () => {
    archive = await makeArchive({
      'schemas/analysis/1.1.0.json': await schemaV110(),
      'content/general/dimuon/record.yaml': RECORD,
    });
    const result = await runCli(['migrate'], { cwd: archive.root });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'record.yaml:1:10 error CAPSULE_MIGRATION_MISSING No migrations lead from analysis/1.0.0 to analysis/1.1.0.',
    );
  });
});
