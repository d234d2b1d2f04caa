import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { summarise } from '../../lib/diagnostics/format/summary.ts';
import { formatText } from '../../lib/diagnostics/format/text.ts';
import type { Diagnostic } from '../../lib/diagnostics/diagnostic.ts';
import { formatMetadata } from '../../lib/format/format-metadata.ts';
import type { MetadataKind } from '../../lib/format/format-metadata.ts';
import { discoverArchive } from '../../lib/records/discover.ts';
import { nodeArchiveFs } from '../../lib/records/archive-fs.ts';
import { ARCHIVE_FILE, COLLECTION_FILE, CONTENT_DIR } from '../../lib/records/layout.ts';
import { loadSchemas } from '../../lib/schemas/load-schemas.ts';
import { writeFileAtomic } from '../../lib/util/write-atomic.ts';
import { ROOT_OPTION, findArchiveRoot } from '../archive-root.ts';
import { EXIT_INVALID, EXIT_OK } from '../command.ts';
import type { Command } from '../command.ts';
import { selectByPaths } from '../select-paths.ts';

export const fmtCommand: Command = {
  name: 'fmt',
  summary: 'Rewrite metadata files in the canonical layout',
  usage: 'capsule fmt [PATH...] [--check]',
  description: [
    'Rewrites record.yaml, record.md front matter, collection.yaml and archive.yaml in one',
    'canonical layout: keys in the order the schema declares them, two-space indent, block style,',
    'one trailing newline. Comments and blank lines stay with the keys they belong to, and values',
    'keep their spelling. Files are replaced atomically. With --check nothing is written: the',
    'command lists the files that are not canonical and exits 1 if there are any.',
  ].join('\n'),
  options: {
    check: { type: 'boolean', description: 'Only report files that are not canonical (for CI).' },
    ...ROOT_OPTION,
  },
  examples: [
    { command: 'capsule fmt', explanation: 'Format every metadata file of the archive.' },
    {
      command: 'capsule fmt --check',
      explanation: 'What CI runs: fail if a file is not canonical.',
    },
    { command: 'capsule fmt content/cms/hig-16-043', explanation: 'Format one record.' },
  ],
  positionals: 'any',
  async run({ values, positionals }, io) {
    const root = findArchiveRoot(io.cwd, values.root as string | undefined);
    const discovery = await discoverArchive(root, nodeArchiveFs);
    // PATHs may name the archive and collection files themselves, or folders holding records.
    const relative = positionals.map((input) =>
      path.relative(root, path.resolve(io.cwd, input)).split(path.sep).join('/').replace(/\/$/, ''),
    );
    const configFiles = new Set(
      relative.filter(
        (file) => file.endsWith(`/${COLLECTION_FILE}`) || file === `${CONTENT_DIR}/${ARCHIVE_FILE}`,
      ),
    );
    const folders = positionals.filter((_, index) => !configFiles.has(relative[index] as string));
    const select = selectByPaths(
      root,
      io.cwd,
      folders,
      discovery.records.map((record) => record.dir),
    );
    const everything = positionals.length === 0;
    const targets: Array<{ file: string; kind: MetadataKind }> = [];
    const archiveFile = `${CONTENT_DIR}/${ARCHIVE_FILE}`;
    if (discovery.hasArchiveConfig && (everything || configFiles.has(archiveFile)))
      targets.push({ file: archiveFile, kind: 'archive' });
    for (const collection of discovery.collections) {
      const file = `${collection.dir}/${COLLECTION_FILE}`;
      const named = configFiles.has(file) || relative.includes(collection.dir);
      if (collection.hasConfig && (everything || named)) targets.push({ file, kind: 'collection' });
    }
    for (const record of discovery.records) {
      if (everything || (select !== undefined && select(record.dir)))
        targets.push({ file: `${record.dir}/${record.metadataName}`, kind: 'record' });
    }
    const { registry } = await loadSchemas(root);
    const diagnostics: Diagnostic[] = [];
    const changed: string[] = [];
    for (const target of targets) {
      const absolute = path.join(root, target.file);
      const result = formatMetadata(target.file, await readFile(absolute), target.kind, registry);
      diagnostics.push(
        ...result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'),
      );
      if (!result.changed || result.output === undefined) continue;
      changed.push(target.file);
      if (!values.check) await writeFileAtomic(absolute, result.output);
    }
    if (diagnostics.length > 0) {
      io.stderr.write(formatText(diagnostics, summarise(targets.length, diagnostics)));
    }
    if (values.check) {
      for (const file of changed) io.stdout.write(`${file}: not canonical\n`);
      io.stdout.write(
        changed.length === 0
          ? `All ${targets.length} files are canonical.\n`
          : `${changed.length} of ${targets.length} files are not canonical. Run \`npx capsule fmt\` to fix them.\n`,
      );
      return changed.length > 0 || diagnostics.length > 0 ? EXIT_INVALID : EXIT_OK;
    }
    for (const file of changed) io.stdout.write(`formatted ${file}\n`);
    io.stdout.write(`${changed.length} of ${targets.length} files changed.\n`);
    return diagnostics.length > 0 ? EXIT_INVALID : EXIT_OK;
  },
};
