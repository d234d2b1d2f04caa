import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { showValue } from '../text/suggest.ts';
import { field, isMap, list } from '../validate/data.ts';
import { hepdataNumber } from './numbers.ts';
import { hepdataSchemaDiagnostics } from './schema-errors.ts';
import type { HepdataSchemaVersion } from './schemas.ts';
import type { HepdataDocument, ParsedHepdataFile } from './source.ts';

/**
 * submission.yaml: the first document may describe the whole submission (when it names no
 * `data_file`); every other document describes one table. Checked as hepdata-validator does:
 * each document against its schema, `cmenergies` a number or one range, and (from schema
 * 1.1.0) no two tables with the same name or the same data file.
 */
export interface SubmissionTable {
  document: HepdataDocument;
  name: string | undefined;
  dataFile: string | undefined;
  /** A custom schema the data file follows instead of HEPData's table schema. */
  dataSchema: string | undefined;
}

export interface SubmissionCheck {
  diagnostics: Diagnostic[];
  /** The submission-wide document, if the stream starts with one. */
  info: HepdataDocument | undefined;
  tables: SubmissionTable[];
}

export function checkSubmission(
  file: ParsedHepdataFile,
  version: HepdataSchemaVersion,
): SubmissionCheck {
  const diagnostics: Diagnostic[] = [];
  let info: HepdataDocument | undefined;
  const tables: SubmissionTable[] = [];
  for (const document of file.documents) {
    if (document.value === null || document.value === undefined) continue;
    if (document.index === 0 && !(isMap(document.value) && 'data_file' in document.value)) {
      info = document;
      diagnostics.push(...hepdataSchemaDiagnostics(document, version, 'additional-info'));
      continue;
    }
    diagnostics.push(...hepdataSchemaDiagnostics(document, version, 'submission'));
    diagnostics.push(...cmenergies(document));
    const text = (key: string) => {
      const value = field(document.value, key);
      return typeof value === 'string' ? value : undefined;
    };
    tables.push({
      document,
      name: text('name'),
      dataFile: text('data_file'),
      dataSchema: text('data_schema'),
    });
  }
  if (version !== '1.0.1') {
    diagnostics.push(...duplicates(tables, 'name', 'CAPSULE_HEPDATA_DUPLICATE_TABLE'));
    diagnostics.push(...duplicates(tables, 'dataFile', 'CAPSULE_HEPDATA_DUPLICATE_DATA_FILE'));
  }
  return { diagnostics, info, tables };
}

// A range of energies in GeV, `1.7-4.7`, as hepdata-validator accepts it (its own examples write
// `7000.01-8000.000001`).
const ENERGY_RANGE = /^\d+\.?\d*-\d+\.?\d*$/;

function cmenergies(document: HepdataDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  list(document.value, 'keywords').forEach((keyword, k) => {
    if (field(keyword, 'name') !== 'cmenergies') return;
    const values = list(keyword, 'values');
    values.forEach((value, i) => {
      if (hepdataNumber(value) !== undefined) return;
      const isRange = typeof value === 'string' && ENERGY_RANGE.test(value);
      if (isRange && values.length === 1) return;
      const number = typeof value === 'string' ? /^\s*([\d.]+)/.exec(value)?.[1] : undefined;
      out.push(
        document.file.diagnostic(
          'CAPSULE_HEPDATA_CMENERGIES',
          'error',
          `/keywords/${k}/values/${i}`,
          isRange
            ? `The cmenergies range ${showValue(value)} is one of ${values.length} values; a range must be the only one.`
            : `Invalid value (in GeV) for cmenergies: ${showValue(value)}; expected a number or a range like \`1.7-4.7\`.`,
          isRange
            ? 'Give either one range or a list of single energies.'
            : `Write the energy in GeV as a plain number${number ? `, e.g. \`${number}\`` : ''}: the unit is always GeV.`,
        ),
      );
    });
  });
  return out;
}

function duplicates(
  tables: SubmissionTable[],
  key: 'name' | 'dataFile',
  code: 'CAPSULE_HEPDATA_DUPLICATE_TABLE' | 'CAPSULE_HEPDATA_DUPLICATE_DATA_FILE',
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const first = new Map<string, SubmissionTable>();
  for (const table of tables) {
    const value = table[key];
    if (value === undefined) continue;
    const earlier = first.get(value);
    if (!earlier) {
      first.set(value, table);
      continue;
    }
    const line = earlier.document.file.locate(key === 'name' ? '/name' : '/data_file').line;
    out.push(
      table.document.file.diagnostic(
        code,
        'error',
        key === 'name' ? '/name' : '/data_file',
        key === 'name'
          ? `Duplicate table name: \`${value}\` (also the table on line ${line}).`
          : `Duplicate table data_file: \`${value}\` (also the table on line ${line}).`,
        key === 'name'
          ? 'Give every table its own name, e.g. `Table 2a` and `Table 2b`.'
          : 'Each table needs its own data file; point this one at the right file.',
      ),
    );
  }
  return out;
}
