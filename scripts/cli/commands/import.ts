import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { formatText } from '../../lib/diagnostics/format/text.ts';
import { summarise } from '../../lib/diagnostics/format/summary.ts';
import type { Diagnostic } from '../../lib/diagnostics/diagnostic.ts';
import { CapImportError, importCap } from '../../lib/import/cap/import.ts';
import { mergeReferences } from '../../lib/import/merge-references.ts';
import { opendataRecords, opendataReference } from '../../lib/import/opendata.ts';
import { checkRecordYaml, recordYaml } from '../../lib/import/record-yaml.ts';
import { unmappedLines } from '../../lib/import/report.ts';
import { today } from '../../lib/records/access.ts';
import { loadArchive } from '../../lib/records/load-archive.ts';
import { loadSchemas } from '../../lib/schemas/load-schemas.ts';
import { writeFileAtomic } from '../../lib/util/write-atomic.ts';
import { emitYaml, toNode } from '../../lib/yaml/index.ts';
import { ROOT_OPTION, findArchiveRoot } from '../archive-root.ts';
import { EXIT_INVALID, EXIT_OK, UsageError } from '../command.ts';
import type { CliIo, Command, ParsedArgs } from '../command.ts';

export const importCommand: Command = {
  name: 'import',
  summary: 'Turn CERN Open Data records into references, or CAP records into Capsule records',
  usage:
    'capsule import opendata <file.json> [--into <collection>/<slug>] | capsule import cap <file.json> [--out <dir>]',
  description: [
    'opendata  CERN Open Data portal records (the JSON of opendata.cern.ch records: a list, one',
    '          record, or an API response) become references: datasets (with DOI, record id,',
    '          size, events, run periods and the checksum of the file index), code (software',
    '          with a repository) or links. Printed as YAML to paste, or added with --into to a',
    "          record's datasets/code/links, as a minimal diff that keeps comments.",
    'cap       CERN Analysis Preservation deposits or records (cms-analysis, atlas-analysis, lhcb,',
    '          alice-analysis, and the 2016-2018 CMSAnalysis, LHCbAnalysis, ATLASWorkflows) become',
    '          Capsule records, checked as drafts. Printed, or written with --out <dir> as',
    '          <dir>/<slug>/record.yaml (with workflow files under files/).',
    'Both print a report of every field they could not map, and why: nothing is dropped silently.',
  ].join('\n'),
  options: {
    into: {
      type: 'string',
      value: '<collection>/<slug>',
      description: 'opendata: add the references to this record.',
    },
    out: {
      type: 'string',
      short: 'o',
      value: '<dir>',
      description: 'cap: write the records under this folder.',
    },
    ...ROOT_OPTION,
  },
  examples: [
    {
      command: 'capsule import opendata cms-dimuon.json',
      explanation: 'Print dataset references to paste into a record.',
    },
    {
      command: 'capsule import opendata cms-dimuon.json --into cms/dimuon-spectrum-2011',
      explanation: "Add them to a record's datasets.",
    },
    {
      command: 'capsule import cap deposits.json --out imported',
      explanation: 'Convert CAP records, one folder each.',
    },
  ],
  positionals: 'any',
  async run(args, io) {
    const [kind, file, ...rest] = args.positionals;
    if (rest.length > 0 || !file || (kind !== 'opendata' && kind !== 'cap'))
      throw new UsageError(
        'Say what to import and from which file: `import opendata <file.json>` or `import cap <file.json>`.',
      );
    let input: unknown;
    try {
      input = JSON.parse(await readFile(path.resolve(io.cwd, file), 'utf8'));
    } catch (error) {
      io.stderr.write(
        `capsule import: ${file} is not readable JSON: ${(error as Error).message}\n`,
      );
      return EXIT_INVALID;
    }
    return kind === 'opendata'
      ? importOpendata(input, file, args, io)
      : importCapRecords(input, file, args, io);
  },
};

async function importOpendata(
  input: unknown,
  file: string,
  { values }: ParsedArgs,
  io: CliIo,
): Promise<number> {
  if (values.out !== undefined)
    throw new UsageError(
      '--out is for `import cap`; use --into <collection>/<slug> for Open Data.',
    );
  const records = opendataRecords(input);
  if (records.length === 0) {
    io.stderr.write(
      `capsule import: ${file} holds no CERN Open Data records (objects with a recid).\n`,
    );
    return EXIT_INVALID;
  }
  const references = records.map(opendataReference);
  const report = references.flatMap((reference) => [
    `${reference.recid} ${reference.type} → ${reference.target}${reference.link ? ' (and links)' : ''}: ${reference.title}`,
    ...(reference.unmapped.length
      ? [`  not mapped (${reference.unmapped.length}):`, ...unmappedLines(reference.unmapped)]
      : []),
  ]);
  if (typeof values.into === 'string') {
    const root = findArchiveRoot(io.cwd, values.root as string | undefined);
    const id = values.into.replace(/^content\//, '').replace(/\/$/, '');
    const archive = await loadArchive(root);
    const record = archive.records.find((candidate) => candidate.id === id);
    if (!record) throw new UsageError(`No record ${values.into} in ${root}/content.`);
    const { registry } = await loadSchemas(root);
    const metadataFile = record.metadataFile.path;
    const merged = mergeReferences(
      metadataFile,
      await readFile(path.join(root, metadataFile)),
      references,
      registry,
    );
    const before = new Set(
      checkRecordYaml(metadataFile, record.metadataFile.text, registry).map(key),
    );
    const problems = checkRecordYaml(metadataFile, merged.text, registry).filter(
      (d) => d.severity === 'error' && !before.has(key(d)),
    );
    io.stdout.write(`${report.join('\n')}\n`);
    if (problems.length > 0) {
      io.stderr.write(
        `The references would make ${metadataFile} invalid; nothing was written.\n${formatText(problems, summarise(1, problems))}`,
      );
      return EXIT_INVALID;
    }
    if (merged.added.length > 0) await writeFileAtomic(path.join(root, metadataFile), merged.text);
    io.stdout.write(
      `Added ${merged.added.length} reference${merged.added.length === 1 ? '' : 's'} to ${metadataFile}${merged.skipped.length ? `; ${merged.skipped.length} it already had` : ''}.\n`,
    );
    return EXIT_OK;
  }
  const sections: { [target: string]: unknown[] } = {};
  for (const reference of references) {
    (sections[reference.target] ??= []).push(reference.entry);
    if (reference.link) (sections.links ??= []).push(reference.link);
  }
  const ordered = Object.fromEntries(
    ['datasets', 'code', 'links'].filter((k) => sections[k]).map((k) => [k, sections[k]]),
  );
  io.stdout.write(
    emitYaml({ source: '', root: toNode(ordered), endComments: [], headerComments: [] }),
  );
  io.stderr.write(`${report.join('\n')}\n`);
  return EXIT_OK;
}

function key(diagnostic: Diagnostic): string {
  return `${diagnostic.code} ${diagnostic.pointer} ${diagnostic.message}`;
}

async function importCapRecords(
  input: unknown,
  file: string,
  { values }: ParsedArgs,
  io: CliIo,
): Promise<number> {
  if (values.into !== undefined)
    throw new UsageError('--into is for `import opendata`; use --out <dir> for CAP records.');
  let imports;
  try {
    imports = importCap(input, { today: today(io.env) });
  } catch (error) {
    if (!(error instanceof CapImportError)) throw error;
    io.stderr.write(`capsule import: ${file}: ${error.message}\n`);
    return EXIT_INVALID;
  }
  const root = findArchiveRoot(io.cwd, values.root as string | undefined);
  const { registry } = await loadSchemas(root);
  const out = typeof values.out === 'string' ? path.resolve(io.cwd, values.out) : undefined;
  const used = new Set<string>();
  const report: string[] = [];
  const printed: string[] = [];
  const all: Diagnostic[] = [];
  for (const item of imports) {
    let slug = item.slug;
    for (let n = 2; used.has(slug); n++) slug = `${item.slug}-${n}`;
    used.add(slug);
    const recordPath = `${slug}/record.yaml`;
    const shown = out
      ? path.relative(io.cwd, path.join(out, recordPath)) || recordPath
      : recordPath;
    const yaml = recordYaml(item.record, registry);
    const diagnostics = checkRecordYaml(shown, yaml, registry);
    all.push(...diagnostics);
    report.push(
      `${item.from ? `${item.from} ` : ''}${item.capSchema} → ${String(item.record.$schema)}: ${shown}`,
      '  filled in by Capsule (check these):',
      ...item.filled.map((line) => `    ${line}`),
      item.unmapped.length
        ? `  not mapped (${item.unmapped.length} field${item.unmapped.length === 1 ? '' : 's'}):`
        : '  every CAP field with a value was mapped',
      ...unmappedLines(item.unmapped),
      ...(item.empty
        ? [`  ${item.empty} empty CAP field${item.empty === 1 ? '' : 's'} skipped`]
        : []),
      '',
    );
    if (out) {
      const dir = path.join(out, slug);
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, 'record.yaml'), yaml);
      for (const extra of item.files) {
        await mkdir(path.dirname(path.join(dir, extra.path)), { recursive: true });
        await writeFile(path.join(dir, extra.path), extra.content);
      }
    } else printed.push(`# ${shown} (from CAP ${item.capSchema})\n${yaml}`);
  }
  if (printed.length) io.stdout.write(printed.join('---\n'));
  const summary = summarise(imports.length, all);
  const target = out ? io.stdout : io.stderr;
  target.write(`${report.join('\n')}\n`);
  target.write(formatText(all, summary));
  if (out)
    target.write(
      `Wrote ${imports.length} record${imports.length === 1 ? '' : 's'} under ${values.out}; move each folder into content/<collection>/ and complete what the warnings name.\n`,
    );
  return summary.errors > 0 ? EXIT_INVALID : EXIT_OK;
}
