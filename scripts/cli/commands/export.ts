import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { bagDirectoryReader, writeBagDirectory } from '../../lib/export/bag-directory.ts';
import { verifyBag } from '../../lib/export/bagit.ts';
import { exportContext } from '../../lib/export/context.ts';
import { recordBag } from '../../lib/export/record-bag.ts';
import { TEXT_FORMATS, renderExport } from '../../lib/export/render.ts';
import { today } from '../../lib/records/access.ts';
import { ROOT_OPTION, findArchiveRoot } from '../archive-root.ts';
import { EXIT_INVALID, EXIT_OK, UsageError } from '../command.ts';
import type { Command } from '../command.ts';
import { loadValidRecords } from '../load-record.ts';

const FORMATS = [...TEXT_FORMATS, 'bagit'] as const;
type Format = (typeof FORMATS)[number];

export const exportCommand: Command = {
  name: 'export',
  summary:
    'Write a record as DataCite, schema.org, BibTeX, CFF, CodeMeta, RO-Crate, BagIt or LaTeX',
  usage: `capsule export <collection>/<slug> --format ${FORMATS.join('|')} [--out PATH]`,
  description: [
    'Writes one record in a standard format, to standard output or to --out:',
    '  datacite      DataCite 4.5 JSON attributes (what the DOI registration sends)',
    '  jsonld        schema.org Dataset as JSON-LD (what the record page embeds)',
    '  bibtex        a BibTeX @misc entry',
    '  cff           CITATION.cff (Citation File Format 1.2.0)',
    '  codemeta      codemeta.json (CodeMeta 3.0) for the analysis code',
    '  rocrate       ro-crate-metadata.json (RO-Crate 1.1) describing the record folder',
    '  latex         LaTeX tables: the key facts, the datasets, the HEPData tables',
    '  oai_dc        the OAI-PMH Dublin Core record',
    '  oai_datacite  the OAI-PMH DataCite record',
    '  bagit         a BagIt (RFC 8493) package of the record folder with sha512 manifests,',
    '                written to the --out folder and verified after writing',
    'The record is validated first; nothing is written for a record with errors. Exports of',
    'records that are not public are for internal use: the command says so.',
  ].join('\n'),
  options: {
    format: {
      type: 'string',
      short: 'f',
      value: '<format>',
      description: `One of ${FORMATS.join(', ')}.`,
    },
    out: {
      type: 'string',
      short: 'o',
      value: '<path>',
      description: 'Write to this file (a folder for bagit) instead of standard output.',
    },
    ...ROOT_OPTION,
  },
  examples: [
    {
      command: 'capsule export cms/higgs-tautau-2016 --format datacite',
      explanation: 'Print the DataCite JSON of a record.',
    },
    {
      command: 'capsule export cms/higgs-tautau-2016 --format cff -o CITATION.cff',
      explanation: 'Write a CITATION.cff.',
    },
    {
      command: 'capsule export atlas/higgs-diphoton-36fb --format bagit -o bags/hgg',
      explanation: 'Package the record for long-term preservation.',
    },
  ],
  positionals: 'any',
  async run({ values, positionals }, io) {
    if (positionals.length !== 1)
      throw new UsageError('Name exactly one record: <collection>/<slug>.');
    const format = values.format as Format | undefined;
    if (!format || !(FORMATS as readonly string[]).includes(format))
      throw new UsageError(`--format must be one of ${FORMATS.join(', ')}.`);
    const out = typeof values.out === 'string' ? path.resolve(io.cwd, values.out) : undefined;
    if (format === 'bagit' && !out) throw new UsageError('--format bagit needs --out <folder>.');
    const root = findArchiveRoot(io.cwd, values.root as string | undefined);
    const loaded = await loadValidRecords(root, positionals, io);
    const record = loaded?.records[0];
    if (!loaded || !record) return EXIT_INVALID;
    const day = today(io.env);
    const context = exportContext(record, loaded.archive, day);
    if (record.metadata.access.level !== 'public')
      io.stderr.write(
        `note: ${record.id} is ${record.metadata.access.level}; keep this export inside the collaboration.\n`,
      );
    if (format === 'bagit') {
      const files = await recordBag(
        record.metadata,
        context,
        (file) => readFile(path.join(root, record.dir, file)),
        `Capsule (${exportCommand.name})`,
      );
      await writeBagDirectory(out as string, files);
      const check = await verifyBag(bagDirectoryReader(out as string));
      if (!check.valid) {
        io.stderr.write(
          `The bag at ${values.out} does not verify:\n${check.problems.map((p) => `  ${p}`).join('\n')}\n`,
        );
        return EXIT_INVALID;
      }
      io.stdout.write(
        `Wrote and verified the bag ${values.out}: ${check.payloadFiles} payload files, ${check.payloadBytes} bytes, sha512 manifests.\n`,
      );
      return EXIT_OK;
    }
    const text = await renderExport(format, record.metadata, context, {
      dir: record.dir,
      files: record.files,
      read: (file) => readFile(path.join(root, record.dir, file)),
    });
    if (out) {
      await writeFile(out, text);
      io.stderr.write(`Wrote ${format} of ${record.id} to ${values.out}.\n`);
    } else io.stdout.write(text);
    return EXIT_OK;
  },
};
