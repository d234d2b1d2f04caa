import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { formatGithub } from '../../lib/diagnostics/format/github.ts';
import { formatGitlab } from '../../lib/diagnostics/format/gitlab.ts';
import { formatJson } from '../../lib/diagnostics/format/json.ts';
import type { ChangeScope, ReportDetails } from '../../lib/diagnostics/format/json.ts';
import { formatMarkdown } from '../../lib/diagnostics/format/markdown.ts';
import { plural, summarise, summaryLine } from '../../lib/diagnostics/format/summary.ts';
import { ShallowHistoryError, changedSince } from '../../lib/git/changed-files.ts';
import { UnknownRevisionError } from '../../lib/git/refs.ts';
import { openRepository } from '../../lib/git/repository.ts';
import { selectChanged } from '../../lib/validate/select-changed.ts';
import type { ChangedSelection } from '../../lib/validate/select-changed.ts';
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
  usage:
    'capsule validate [PATH... | --changed-since REF] [--format text|json|github|gitlab] [--draft] [--output FILE] [--report FILE]',
  description: [
    'Parses every record, checks each against the schema it names ($schema), then runs the record',
    'rules (files and checksums, identifiers, access) and the rules across the archive (unique ids',
    'and DOIs). With PATHs, only records at or under them are checked and reported; the rules',
    'across the archive still see every record. Exit code 0 when valid, 1 when any error, 2 on a',
    'usage error.',
    '',
    'With --changed-since REF, the records changed since the branch left REF (committed, staged,',
    'unstaged or new files in their folders) are checked, as in a pull request; a changed',
    'collection.yaml selects its collection, a changed schema or archive.yaml every record. The',
    'rules across the archive run over every record and report problems anywhere (deleting a',
    'record can break another that relates to it).',
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
    'changed-since': {
      type: 'string',
      value: '<ref>',
      description:
        'Check the records changed since REF (a branch, tag or commit), e.g. origin/main.',
    },
    report: {
      type: 'string',
      value: '<file>',
      description: 'Also write the JSON report to FILE (for `capsule report` in CI).',
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
    {
      command: 'capsule validate --changed-since origin/main --format github --report report.json',
      explanation:
        'What CI runs on a pull request: the changed records, annotations, a JSON report.',
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
    const since = values['changed-since'];
    if (typeof since === 'string' && positionals.length > 0)
      throw new UsageError('Give PATHs or --changed-since, not both.');
    let select = selectByPaths(
      root,
      io.cwd,
      positionals,
      archive.records.map((record) => record.dir),
    );
    let scope: ChangeScope | undefined;
    if (typeof since === 'string') {
      const changed = await changedRecords(root, since);
      if ('problem' in changed) {
        io.stderr.write(`capsule validate: ${changed.problem}\n`);
        return EXIT_INVALID;
      }
      select = changed.selection.select;
      scope = changed.scope;
      io.stderr.write(
        `${describeScope(scope, archive.records.filter((r) => select?.(r.dir)).length)}\n`,
      );
    }
    const schemas = await loadSchemas(root);
    const checking = createProgress(io.stderr, 'Validating');
    const report = await validateArchive(archive, schemas, {
      draft: values.draft === true,
      ...(select ? { select } : {}),
      ...(scope ? { crossRecordScope: 'archive' as const } : {}),
      onProgress: (done, total) => checking.update(done, total),
    });
    checking.done();
    const summary = summarise(report.checked, report.diagnostics);
    const color =
      values.output === undefined &&
      Boolean((io.stdout as { isTTY?: boolean }).isTTY) &&
      !io.env.NO_COLOR;
    const details: ReportDetails = {
      checked: archive.records
        .filter((record) => !select || select(record.dir))
        .map((record) => record.id),
      draft: values.draft === true,
      ...(scope ? { scope } : {}),
    };
    const output =
      format === 'json'
        ? formatJson(report.diagnostics, summary, details)
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
    if (typeof values.report === 'string') {
      const file = path.resolve(io.cwd, values.report);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, formatJson(report.diagnostics, summary, details));
    }
    return summary.errors > 0 ? EXIT_INVALID : EXIT_OK;
  },
};

async function changedRecords(
  root: string,
  since: string,
): Promise<{ selection: ChangedSelection; scope: ChangeScope } | { problem: string }> {
  const repository = openRepository(root);
  if (!repository)
    return { problem: `--changed-since needs a git repository, and ${root} is not in one.` };
  try {
    const changed = await changedSince(repository, since);
    const selection = selectChanged(changed.files);
    const scope: ChangeScope = { changedSince: since, base: changed.base, files: changed.files };
    if (selection.everything) scope.everything = selection.everything;
    return { selection, scope };
  } catch (error) {
    if (error instanceof UnknownRevisionError || error instanceof ShallowHistoryError)
      return { problem: error.message };
    throw error;
  }
}

function describeScope(scope: ChangeScope, records: number): string {
  const files = plural(scope.files.length, 'file');
  const base = scope.base.slice(0, 10);
  if (scope.everything)
    return `${files} changed since ${scope.changedSince} (${base}); ${scope.everything}: checking all ${plural(records, 'record')}.`;
  return `${files} changed since ${scope.changedSince} (${base}): checking ${plural(records, 'record')}.`;
}
