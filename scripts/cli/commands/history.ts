import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { UNSHALLOW_HINT } from '../../lib/git/repository.ts';
import { UnknownRevisionError } from '../../lib/git/refs.ts';
import { formatHistoryJson, formatHistoryText } from '../../lib/history/format-history.ts';
import { NotARepositoryError, openHistory } from '../../lib/history/open-history.ts';
import type { ArchiveHistory } from '../../lib/history/open-history.ts';
import { findHistory, suggestId } from '../../lib/history/query.ts';
import { CONTENT_DIR } from '../../lib/records/layout.ts';
import { ROOT_OPTION, findArchiveRoot } from '../archive-root.ts';
import { EXIT_INVALID, EXIT_OK, UsageError } from '../command.ts';
import type { Command } from '../command.ts';
import { createProgress } from '../progress.ts';

const FORMATS = ['text', 'json'] as const;

export const historyCommand: Command = {
  name: 'history',
  summary: "Show a record's revisions from git history, with the fields each one changed",
  usage:
    'capsule history <collection>/<slug> [--format text|json] | capsule history --all [-o FILE]',
  description: [
    "Lists a record's revisions, newest first: the commit, its author and date, its message,",
    'and which fields of the record changed, from what to what (a field-level diff of the parsed',
    'record, not a line diff). A record keeps its history when its folder is moved. The record',
    'may be named by id (cms/higgs-tautau-2016) or by its folder or metadata file.',
    '',
    'The history comes from one pass over the whole repository, cached in .capsule/history.json',
    'until the next commit. A shallow clone lacks the older commits: the command says so and',
    'exits 1, unless --allow-shallow. With --all it writes the whole index as JSON (what the site',
    'builds its history pages from).',
  ].join('\n'),
  options: {
    format: {
      type: 'string',
      short: 'f',
      value: '<format>',
      description: 'text (default) or json.',
    },
    all: { type: 'boolean', description: 'The history of every record, as JSON.' },
    ref: {
      type: 'string',
      value: '<revision>',
      description: 'The commit whose history to show (default HEAD): a branch, tag or commit.',
    },
    'allow-shallow': {
      type: 'boolean',
      description: 'Show what a shallow clone holds instead of failing (marked as incomplete).',
    },
    output: {
      type: 'string',
      short: 'o',
      value: '<file>',
      description: 'Write to a file instead of standard output.',
    },
    ...ROOT_OPTION,
  },
  examples: [
    {
      command: 'capsule history cms/higgs-tautau-2016',
      explanation: "The record's revisions and their field changes.",
    },
    {
      command: 'capsule history content/cms/higgs-tautau-2016 --format json',
      explanation: 'The same as JSON, with each commit’s author, date and message.',
    },
    {
      command: 'capsule history --all -o history.json',
      explanation: 'Every record’s history, for the site or other tools.',
    },
  ],
  positionals: 'any',
  async run({ values, positionals }, io) {
    const format = (values.format ?? 'text') as (typeof FORMATS)[number];
    if (!FORMATS.includes(format))
      throw new UsageError(`--format must be text or json, not "${String(values.format)}".`);
    if (values.all ? positionals.length > 0 : positionals.length !== 1)
      throw new UsageError(
        values.all
          ? '--all takes no record.'
          : 'Name one record, e.g. `capsule history cms/higgs-tautau-2016`.',
      );
    const root = findArchiveRoot(io.cwd, values.root as string | undefined);
    const progress = createProgress(io.stderr, 'Reading history');
    let history: ArchiveHistory;
    try {
      history = await openHistory(root, {
        ...(typeof values.ref === 'string' ? { ref: values.ref } : {}),
        onProgress: (phase, done, total) => {
          if (phase === 'indexing') progress.update(done, total);
        },
      });
    } catch (error) {
      progress.done();
      if (error instanceof NotARepositoryError || error instanceof UnknownRevisionError) {
        io.stderr.write(`capsule history: ${error.message}\n`);
        return EXIT_INVALID;
      }
      throw error;
    }
    progress.done();
    try {
      const { index } = history;
      if (!index.complete) {
        io.stderr.write(
          `${values['allow-shallow'] ? 'warning' : 'error'}: this is a shallow clone: history before ${index.shallowBoundary.map((oid) => oid.slice(0, 10)).join(', ')} is missing, so revisions would be lost or misdated.\n    hint: ${UNSHALLOW_HINT}\n`,
        );
        if (!values['allow-shallow']) return EXIT_INVALID;
      }
      let output: string;
      if (values.all) {
        output = JSON.stringify(index, null, 2) + '\n';
      } else {
        const id = recordId(root, io.cwd, positionals[0] as string);
        const found = findHistory(index, id);
        if (!found) {
          const suggestion = suggestId(index, id);
          io.stderr.write(
            `capsule history: no record \`${id}\` in the history of ${index.head.commit.slice(0, 10)}.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}\n    hint: A record appears in history once committed; ids are the folder under ${CONTENT_DIR}/.\n`,
          );
          return EXIT_INVALID;
        }
        const color =
          values.output === undefined &&
          Boolean((io.stdout as { isTTY?: boolean }).isTTY) &&
          !io.env.NO_COLOR;
        output =
          format === 'json'
            ? formatHistoryJson(index, found)
            : formatHistoryText(index, found, { color });
      }
      if (typeof values.output === 'string') {
        await writeFile(path.resolve(io.cwd, values.output), output);
        io.stderr.write(`History written to ${values.output}.\n`);
      } else {
        io.stdout.write(output);
      }
      return EXIT_OK;
    } finally {
      history.close();
    }
  },
};

/** `cms/x`, `content/cms/x`, `content/cms/x/record.yaml` or a path from elsewhere → `cms/x`. */
function recordId(root: string, cwd: string, input: string): string {
  const cleaned = input.replace(/\/(record\.(yaml|md))?$/, '').replace(/\/+$/, '');
  if (
    /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)+$/.test(cleaned) &&
    !cleaned.startsWith(`${CONTENT_DIR}/`)
  )
    return cleaned;
  const relative = path.relative(path.join(root, CONTENT_DIR), path.resolve(cwd, cleaned));
  if (relative.startsWith('..') || path.isAbsolute(relative))
    throw new UsageError(`${input} is not a record id or a folder under ${CONTENT_DIR}/.`);
  return relative.split(path.sep).join('/');
}
