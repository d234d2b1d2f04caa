import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { Diagnostic } from '../../lib/diagnostics/diagnostic.ts';
import { summarise } from '../../lib/diagnostics/format/summary.ts';
import { formatText } from '../../lib/diagnostics/format/text.ts';
import { canonicalInsertPosition } from '../../lib/format/canonical-order.ts';
import { applyMigrations } from '../../lib/migrate/apply.ts';
import { loadMigrations } from '../../lib/migrate/load-migrations.ts';
import { migrationPath } from '../../lib/migrate/migration.ts';
import { nodeArchiveFs } from '../../lib/records/archive-fs.ts';
import { discoverArchive } from '../../lib/records/discover.ts';
import { readMarkdownMetadata, readYamlMetadata } from '../../lib/records/read-metadata.ts';
import { fileDiagnostic } from '../../lib/records/source.ts';
import { compareVersions, parseSchemaRef } from '../../lib/schemas/ids.ts';
import { loadSchemas } from '../../lib/schemas/load-schemas.ts';
import { rootNode } from '../../lib/schemas/walk.ts';
import { writeFileAtomic } from '../../lib/util/write-atomic.ts';
import { schemaDiagnostics } from '../../lib/validate/schema-diagnostics.ts';
import { emitYaml, parseYaml } from '../../lib/yaml/index.ts';
import { ROOT_OPTION, findArchiveRoot } from '../archive-root.ts';
import { EXIT_INVALID, EXIT_OK, UsageError } from '../command.ts';
import type { Command } from '../command.ts';
import { selectByPaths } from '../select-paths.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Move records to a newer version of their schema',
  usage: 'capsule migrate [PATH...] [--to <name>/<version>] [--check]',
  description: [
    'Records keep validating against the schema version they name. When a collection adopts a new',
    'version, this command applies the migrations published beside the schema',
    '(schemas/<name>/migrations/<from>-to-<to>.json, chained as needed), sets `$schema`, and',
    'rewrites each record with a minimal diff. A migrated record is checked against the new',
    'version before it is written; one that would not validate is reported and left untouched.',
  ].join('\n'),
  options: {
    to: {
      type: 'string',
      value: '<name>/<version>',
      description: "Target version (default: the latest of each record's schema).",
    },
    check: { type: 'boolean', description: 'Only list the records that would move, and where to.' },
    ...ROOT_OPTION,
  },
  examples: [
    {
      command: 'capsule migrate --check',
      explanation: 'Which records are behind the latest schema versions.',
    },
    {
      command: 'capsule migrate content/cms --to cms-analysis/1.1.0',
      explanation: 'Move the CMS records to 1.1.0.',
    },
  ],
  positionals: 'any',
  async run({ values, positionals }, io) {
    const root = findArchiveRoot(io.cwd, values.root as string | undefined);
    const target = typeof values.to === 'string' ? parseSchemaRef(values.to) : undefined;
    if (values.to !== undefined && !target)
      throw new UsageError(
        `--to takes <name>/<x.y.z>, e.g. cms-analysis/1.1.0, not "${String(values.to)}".`,
      );
    const { registry } = await loadSchemas(root);
    if (target && !registry.get(`${target.name}/${target.version}`))
      throw new UsageError(`There is no schema ${values.to}.`);
    const { migrations, diagnostics: migrationProblems } = await loadMigrations(root);
    const discovery = await discoverArchive(root, nodeArchiveFs);
    const select = selectByPaths(
      root,
      io.cwd,
      positionals,
      discovery.records.map((record) => record.dir),
    );
    const diagnostics: Diagnostic[] = [...migrationProblems];
    let moved = 0;
    let considered = 0;
    for (const found of discovery.records.filter((record) => !select || select(record.dir))) {
      const file = `${found.dir}/${found.metadataName}`;
      const bytes = await readFile(path.join(root, file));
      const markdown = file.endsWith('.md');
      const read = markdown
        ? readMarkdownMetadata(file, bytes, { trivia: true })
        : readYamlMetadata(file, bytes, { trivia: true });
      const declared =
        typeof read.data?.$schema === 'string' ? parseSchemaRef(read.data.$schema) : undefined;
      if (!read.data || !read.file?.document || !declared) continue;
      if (target && target.name !== declared.name) continue;
      const to = target?.version ?? registry.versions(declared.name).at(-1);
      if (!to || compareVersions(declared.version, to) >= 0) continue;
      considered++;
      const chain = migrationPath(
        migrations.filter((m) => m.name === declared.name),
        declared.version,
        to,
      );
      if (!chain) {
        diagnostics.push(
          read.file.diagnostic(
            'CAPSULE_MIGRATION_MISSING',
            'error',
            '/$schema',
            `No migrations lead from ${declared.name}/${declared.version} to ${declared.name}/${to}.`,
            `Add schemas/${declared.name}/migrations/${declared.version}-to-<next>.json files that chain to ${to}.`,
          ),
        );
        continue;
      }
      const ref = `${declared.name}/${to}`;
      if (values.check) {
        io.stdout.write(
          `${file}: ${declared.name}/${declared.version} → ${ref} (${chain.map((m) => m.description).join('; ')})\n`,
        );
        continue;
      }
      applyMigrations(read.file.document, chain, canonicalInsertPosition(registry, ref));
      let yaml = emitYaml(read.file.document);
      if (markdown) yaml = `---\n${yaml.replace(/^\s*\n/, '')}---\n${read.body ?? ''}`;
      const migrated = parseYaml(
        markdown ? yaml.slice(4, yaml.indexOf('\n---\n') + 1) : yaml,
      ).value;
      const validate = registry.validator(ref);
      if (!validate(migrated)) {
        const problems = schemaDiagnostics(validate.errors ?? [], {
          file: read.file,
          data: migrated,
          registry,
          root: rootNode(registry, ref)!,
          draft: false,
        });
        diagnostics.push(
          fileDiagnostic(
            file,
            'CAPSULE_MIGRATION_RESULT',
            `After migrating to ${ref} the record would not validate: ${problems.map((d) => d.message).join(' ')}`,
            'Fix the record (or the migration), then migrate again; the file was left as it was.',
          ),
        );
        continue;
      }
      await writeFileAtomic(path.join(root, file), yaml);
      io.stdout.write(`migrated ${file}: ${declared.name}/${declared.version} → ${ref}\n`);
      moved++;
    }
    if (diagnostics.length > 0)
      io.stderr.write(formatText(diagnostics, summarise(considered, diagnostics)));
    if (!values.check)
      io.stdout.write(`${moved} of ${considered} records behind their target version migrated.\n`);
    else if (considered === 0) io.stdout.write('Every record is at its target schema version.\n');
    return diagnostics.some((d) => d.severity === 'error') ? EXIT_INVALID : EXIT_OK;
  },
};
