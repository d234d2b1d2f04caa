import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { compareDiagnostics } from '../../lib/diagnostics/diagnostic.ts';
import { summarise } from '../../lib/diagnostics/format/summary.ts';
import { formatText } from '../../lib/diagnostics/format/text.ts';
import { auditFixity } from '../../lib/fixity/audit.ts';
import { gitFsck } from '../../lib/fixity/git-fsck.ts';
import { openRepository } from '../../lib/git/repository.ts';
import { loadArchive } from '../../lib/records/load-archive.ts';
import { formatBytes } from '../../lib/text/decode.ts';
import { ROOT_OPTION, findArchiveRoot } from '../archive-root.ts';
import { EXIT_INVALID, EXIT_OK, UsageError } from '../command.ts';
import type { Command } from '../command.ts';
import { createProgress } from '../progress.ts';

export const fsckCommand: Command = {
  name: 'fsck',
  summary: 'Audit fixity: every preserved file against its record, and git’s objects',
  usage: 'capsule fsck [--no-git] [--format text|json] [--output FILE]',
  description: [
    'Reads every file the records preserve and compares its size and sha256 with what the record',
    'states, then runs `git fsck --full --strict` on the repository. Run on a schedule (the',
    'fixity audit), it finds silent corruption even in records nobody touched. Exit code 1 on',
    'any mismatch, missing file or repository damage.',
  ].join('\n'),
  options: {
    'no-git': { type: 'boolean', description: 'Skip `git fsck` (e.g. outside a repository).' },
    format: {
      type: 'string',
      short: 'f',
      value: '<format>',
      description: 'text (default) or json.',
    },
    output: {
      type: 'string',
      short: 'o',
      value: '<file>',
      description: 'Write the report to a file.',
    },
    ...ROOT_OPTION,
  },
  examples: [
    { command: 'capsule fsck', explanation: 'The scheduled fixity audit.' },
    { command: 'capsule fsck --format json -o fixity.json', explanation: 'A report to keep.' },
  ],
  positionals: 'none',
  async run({ values }, io) {
    const format = (values.format ?? 'text') as string;
    if (format !== 'text' && format !== 'json')
      throw new UsageError(`--format must be text or json, not "${format}".`);
    const root = findArchiveRoot(io.cwd, values.root as string | undefined);
    const archive = await loadArchive(root);
    const progress = createProgress(io.stderr, 'Checking files');
    const fixity = await auditFixity(archive, (done, total) => progress.update(done, total));
    progress.done();
    const diagnostics = [...fixity.diagnostics];
    let git = 'skipped (--no-git)';
    if (!values['no-git']) {
      const repository = openRepository(root);
      if (!repository) {
        git = 'skipped: not a git repository';
      } else {
        const result = await gitFsck(repository.dir);
        diagnostics.push(...result.diagnostics);
        git = result.ok ? 'ok' : 'FAILED';
      }
    }
    diagnostics.sort(compareDiagnostics);
    const summary = summarise(fixity.records, diagnostics);
    const line = `Verified ${fixity.files} preserved files (${formatBytes(fixity.bytes)}) of ${fixity.records} records against their sha256 and size; git fsck: ${git}.`;
    const output =
      format === 'json'
        ? JSON.stringify(
            { ...summary, files: fixity.files, bytes: fixity.bytes, git, diagnostics },
            null,
            2,
          ) + '\n'
        : `${line}\n${formatText(diagnostics, summary, { color: false })}`;
    if (typeof values.output === 'string')
      await writeFile(path.resolve(io.cwd, values.output), output);
    else io.stdout.write(output);
    return summary.errors > 0 ? EXIT_INVALID : EXIT_OK;
  },
};
