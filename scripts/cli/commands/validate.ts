import { appendFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { formatGithub } from '../../lib/diagnostics/format/github.ts';
import { formatGitlab } from '../../lib/diagnostics/format/gitlab.ts';
import { formatJson } from '../../lib/diagnostics/format/json.ts';
import { formatMarkdown } from '../../lib/diagnostics/format/markdown.ts';
import { summarise, summaryLine } from '../../lib/diagnostics/format/summary.ts';
import { formatText } from '../../lib/diagnostics/format/text.ts';
import { loadArchive } from '../../lib/records/load-archive.ts';
import { loadSchemas } from '../../lib/schemas/load-schemas.ts';
import { validateArchive } from '../../lib/validate/validate-archive.ts';
import { ROOT_OPTION, findArchiveRoot } from '../archive-root.ts';
import { EXIT_INVALID, EXIT_OK, UsageError } from '../command.ts';
import type { Command } from '../command.ts';
import { createProgress } from '../progress.ts';
import { selectByPaths } from '../select-paths.ts';

const FORMATS = ['text', 'json', 'github', 'gitlab'] as const;
type Format = (typeof FORMATS)[number];

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check records against their schemas and the archive rules',
  usage: 'capsule validate [PATH...] [--format text|json|github|gitlab] [--draft] [--output FILE]',
  description: [
    'Parses every record, checks each against the schema it names ($schema), then runs the record',
    'rules (files and checksums, identifiers, access) and the rules across the archive (unique ids',
    'and DOIs). With PATHs, only records at or under them are checked and reported; the rules',
    'across the archive still see every record. Exit code 0 when valid, 1 when any error, 2 on a',
    'usage error.',
  ].join('\n'),
  options: {
    format: {
      type: 'string',
      short: 'f',
      value: '<format>',
      description:
        'text (default), json, github (workflow annotations) or gitlab (Code Quality report).',
    },
    draft: {
      type: 'boolean',
      description: 'Draft mode for draft pull requests: missing required fields are warnings.',
    },
    output: {
      type: 'string',
      short: 'o',
      value: '<file>',
      description: 'Write the report to a file instead of standard output.',
    },
    ...ROOT_OPTION,
  },
  examples: [
    { command: 'capsule validate', explanation: 'Check the whole archive.' },
    {
      command: 'capsule validate content/cms/hig-16-043',
      explanation: 'Check one record (and the archive-wide rules for it).',
    },
    {
      command: 'capsule validate --draft --format json -o report.json',
      explanation: 'What CI runs on a draft pull request.',
    },
    {
      command: 'capsule validate --format gitlab -o gl-code-quality-report.json',
      explanation: 'A GitLab Code Quality report.',
    },
  ],
  positionals: 'any',
  async run({ values, positionals }, io) {
    const format = (values.format ?? 'text') as Format;
    if (!FORMATS.includes(format))
      throw new UsageError(
        `--format must be one of ${FORMATS.join(', ')}, not "${String(values.format)}".`,
      );
    const root = findArchiveRoot(io.cwd, values.root as string | undefined);
    const progress = createProgress(io.stderr, 'Reading records');
    const archive = await loadArchive(root, {
      onProgress: (done, total) => progress.update(done, total),
    });
    progress.done();
    const select = selectByPaths(
      root,
      io.cwd,
      positionals,
      archive.records.map((record) => record.dir),
    );
    const schemas = await loadSchemas(root);
    const checking = createProgress(io.stderr, 'Validating');
    const report = await validateArchive(archive, schemas, {
      draft: values.draft === true,
      ...(select ? { select } : {}),
      onProgress: (done, total) => checking.update(done, total),
    });
    checking.done();
    const summary = summarise(report.checked, report.diagnostics);
    const color =
      values.output === undefined &&
      Boolean((io.stdout as { isTTY?: boolean }).isTTY) &&
      !io.env.NO_COLOR;
    const output =
      format === 'json'
        ? formatJson(report.diagnostics, summary)
        : format === 'github'
          ? formatGithub(report.diagnostics, summary)
          : format === 'gitlab'
            ? formatGitlab(report.diagnostics)
            : formatText(report.diagnostics, summary, { color });
    // In GitHub Actions, the job's summary page gets the report as a table too.
    if (format === 'github' && io.env.GITHUB_STEP_SUMMARY) {
      await appendFile(io.env.GITHUB_STEP_SUMMARY, formatMarkdown(report.diagnostics, summary));
    }
    if (typeof values.output === 'string') {
      await writeFile(path.resolve(io.cwd, values.output), output);
      io.stderr.write(`${summaryLine(summary)} Report written to ${values.output}.\n`);
    } else {
      io.stdout.write(output);
    }
    return summary.errors > 0 ? EXIT_INVALID : EXIT_OK;
  },
};
