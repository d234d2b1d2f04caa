import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { fileDiagnostic } from '../records/source.ts';
import { showValue } from '../text/suggest.ts';
import { field, isMap, list } from '../validate/data.ts';
import { locate } from '../yaml/index.ts';
import {
  hepdataNumber,
  pyyamlReadsAsNumber,
  uncertaintyAmount,
  yaml11Spelling,
} from './numbers.ts';
import { hepdataSchemaDiagnostics } from './schema-errors.ts';
import type { HepdataSchemaVersion } from './schemas.ts';
import type { HepdataDocument, ParsedHepdataFile } from './source.ts';

/**
 * One HEPData table (a data file): HEPData's schema, then the checks hepdata-validator makes
 * beyond it — every variable has as many values as the others, a value's uncertainties are not
 * all zero — and the ones its newer releases add for independent variables: no ranges written
 * as text, no bin infinite on both sides, at most one underflow and one overflow bin. Capsule
 * adds that a table has something to show and that every uncertainty is a number.
 */
export function checkTable(file: ParsedHepdataFile, version: HepdataSchemaVersion): Diagnostic[] {
  if (!file.parsed) return [];
  const document = file.documents[0];
  if (!document || document.value === null || document.value === undefined) {
    return [
      fileDiagnostic(
        file.path,
        'CAPSULE_HEPDATA_EMPTY',
        'The data file holds no data.',
        'A table needs `independent_variables` and `dependent_variables`; see hepdata.net/submission for the format.',
      ),
    ];
  }
  const type = field(document.value, 'type');
  if (typeof type === 'string') {
    return [
      document.file.diagnostic(
        'CAPSULE_HEPDATA_CUSTOM_SCHEMA',
        'warning',
        '/type',
        `The table declares \`type: ${type}\`, a format HEPData checks against its own schema; Capsule checks only HEPData's standard table format offline.`,
        'Nothing to do if HEPData accepts the file; otherwise convert it to independent_variables and dependent_variables.',
      ),
    ];
  }
  return [
    ...hepdataSchemaDiagnostics(document, version, 'data'),
    ...yaml11Numbers(document),
    ...noDependentVariables(document),
    ...valueCounts(document),
    ...uncertainties(document),
    ...independentValues(document),
  ];
}

/** At most this many diagnostics of one kind per variable; then one that counts the rest. */
const REPEAT_LIMIT = 5;

class Capped {
  readonly out: Diagnostic[] = [];
  #count = 0;
  add(diagnostic: Diagnostic): void {
    if (++this.#count <= REPEAT_LIMIT) this.out.push(diagnostic);
  }
  finish(summary: (more: number) => Diagnostic | undefined): Diagnostic[] {
    const more = this.#count - REPEAT_LIMIT;
    const last = more > 0 ? summary(more) : undefined;
    return last ? [...this.out, last] : this.out;
  }
}

function noDependentVariables(document: HepdataDocument): Diagnostic[] {
  const dependent = field(document.value, 'dependent_variables');
  if (!Array.isArray(dependent) || dependent.length > 0) return [];
  return [
    document.file.diagnostic(
      'CAPSULE_HEPDATA_NO_DEPENDENT',
      'error',
      '/dependent_variables',
      'The table has no dependent variables: nothing was measured in it.',
      'Add the measured values as a dependent variable; a list of bins alone is not a result.',
    ),
  ];
}

function valueCounts(document: HepdataDocument): Diagnostic[] {
  const counts: Array<{ pointer: string; name: string; count: number }> = [];
  for (const side of ['independent_variables', 'dependent_variables'] as const) {
    list(document.value, side).forEach((variable, index) => {
      const values = field(variable, 'values');
      if (!Array.isArray(values)) return;
      const name = field(field(variable, 'header'), 'name');
      counts.push({
        pointer: `/${side}/${index}/values`,
        name: typeof name === 'string' ? name : `${side}[${index}]`,
        count: values.length,
      });
    });
  }
  const first = counts[0];
  const odd = counts.find((entry) => first && entry.count !== first.count);
  if (!first || !odd) return [];
  const describe = (side: string) =>
    `[${counts
      .filter((entry) => entry.pointer.startsWith(`/${side}`))
      .map((entry) => entry.count)
      .join(', ')}]`;
  return [
    document.file.diagnostic(
      'CAPSULE_HEPDATA_VALUES_LENGTH',
      'error',
      odd.pointer,
      `Inconsistent number of values: independent variables ${describe('independent_variables')}, dependent variables ${describe('dependent_variables')}; \`${odd.name}\` has ${odd.count}, \`${first.name}\` has ${first.count}.`,
      'Every variable needs one value per row of the table: add the missing values or remove the extra ones.',
    ),
  ];
}

function uncertainties(document: HepdataDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  list(document.value, 'dependent_variables').forEach((variable, v) => {
    const zero = new Capped();
    const notNumbers = new Capped();
    list(variable, 'values').forEach((entry, row) => {
      const errors = field(entry, 'errors');
      if (!Array.isArray(errors) || errors.length === 0) return;
      let allZero = true;
      errors.forEach((error: unknown, e) => {
        const base = `/dependent_variables/${v}/values/${row}/errors/${e}`;
        const asymerror = field(error, 'asymerror');
        const parts: Array<[string, unknown]> = isMap(asymerror)
          ? [
              [`${base}/asymerror/plus`, asymerror.plus],
              [`${base}/asymerror/minus`, asymerror.minus],
            ]
          : isMap(error) && 'symerror' in error
            ? [[`${base}/symerror`, error.symerror]]
            : [];
        if (parts.length === 0) allZero = false;
        for (const [pointer, raw] of parts) {
          const amount = uncertaintyAmount(raw);
          if (!amount || amount.amount !== 0) allZero = false;
          if (amount || raw === undefined || typeof raw === 'object') continue;
          notNumbers.add(
            document.file.diagnostic(
              'CAPSULE_HEPDATA_UNCERTAINTY_NUMBER',
              'error',
              pointer,
              `The uncertainty ${showValue(raw)} is ${raw === '' ? 'empty' : 'neither a number nor a percentage'}.`,
              'Write a number (`0.45`, `2.3e-3`) or a percentage of the value (`5%`); leave out an uncertainty that is not known.',
            ),
          );
        }
      });
      if (allZero)
        zero.add(
          document.file.diagnostic(
            'CAPSULE_HEPDATA_ZERO_UNCERTAINTY',
            'error',
            `/dependent_variables/${v}/values/${row}/errors`,
            `Uncertainties should not all be zero (dependent_variables[${v}].values[${row}]).`,
            'Give the real uncertainties, or remove `errors:` from a value that has none.',
          ),
        );
    });
    out.push(
      ...zero.finish((more) =>
        document.file.diagnostic(
          'CAPSULE_HEPDATA_ZERO_UNCERTAINTY',
          'error',
          `/dependent_variables/${v}/values`,
          `${more} more values of dependent_variables[${v}] have only zero uncertainties.`,
          'Give the real uncertainties, or remove `errors:` from values that have none.',
        ),
      ),
      ...notNumbers.finish((more) =>
        document.file.diagnostic(
          'CAPSULE_HEPDATA_UNCERTAINTY_NUMBER',
          'error',
          `/dependent_variables/${v}/values`,
          `${more} more uncertainties of dependent_variables[${v}] are not numbers.`,
          'Write numbers or percentages.',
        ),
      ),
    );
  });
  return out;
}

const NUMBER = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?`;
const STRING_RANGE = new RegExp(String.raw`^\s*${NUMBER}\s*-\s*${NUMBER}\s*$`);

function independentValues(document: HepdataDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  list(document.value, 'independent_variables').forEach((variable, v) => {
    const ranges = new Capped();
    const underflow: number[] = [];
    const overflow: number[] = [];
    const at = (row: number, key?: string) =>
      `/independent_variables/${v}/values/${row}${key ? `/${key}` : ''}`;
    list(variable, 'values').forEach((point, row) => {
      if (!isMap(point)) return;
      const value = point.value;
      if (typeof value === 'string' && STRING_RANGE.test(value) && !('low' in point)) {
        const [low, high] = splitRange(value);
        ranges.add(
          document.file.diagnostic(
            'CAPSULE_HEPDATA_STRING_RANGE',
            'error',
            at(row, 'value'),
            `The value ${showValue(value)} is a range written as text.`,
            `Write it as a bin: \`{low: ${low}, high: ${high}}\`, so it can be plotted and searched.`,
          ),
        );
      }
      const { low, high } = point;
      if (typeof low !== 'number' || typeof high !== 'number') return;
      if (low === -Infinity && high === Infinity) {
        out.push(
          document.file.diagnostic(
            'CAPSULE_HEPDATA_INFINITE_BIN',
            'error',
            at(row),
            `The bin independent_variables[${v}].values[${row}] runs from -inf to +inf.`,
            'A bin may be open on one side only (an underflow or overflow bin); give it a finite edge.',
          ),
        );
        return;
      }
      if (low === -Infinity) underflow.push(row);
      if (high === Infinity) overflow.push(row);
      if (low > high)
        out.push(
          document.file.diagnostic(
            'CAPSULE_HEPDATA_BIN_ORDER',
            'warning',
            at(row),
            `The bin independent_variables[${v}].values[${row}] has low ${low} above high ${high}.`,
            `Swap the edges: \`{low: ${high}, high: ${low}}\`.`,
          ),
        );
    });
    for (const [rows, kind, edge] of [
      [underflow, 'underflow', 'low: -.inf'],
      [overflow, 'overflow', 'high: .inf'],
    ] as const) {
      if (rows.length < 2) continue;
      out.push(
        document.file.diagnostic(
          'CAPSULE_HEPDATA_INFINITE_BIN',
          'error',
          at(rows[1] as number),
          `independent_variables[${v}] has ${rows.length} ${kind} bins (\`${edge}\`, rows ${rows.join(', ')}); at most one is allowed.`,
          `Keep one ${kind} bin and give the others finite edges.`,
        ),
      );
    }
    out.push(
      ...ranges.finish((more) =>
        document.file.diagnostic(
          'CAPSULE_HEPDATA_STRING_RANGE',
          'error',
          `/independent_variables/${v}/values`,
          `${more} more values of independent_variables[${v}] are ranges written as text.`,
          'Write ranges as bins with `low` and `high`.',
        ),
      ),
    );
  });
  return out;
}

function splitRange(text: string): [string, string] {
  const match = new RegExp(String.raw`^\s*(${NUMBER})\s*-\s*(${NUMBER})\s*$`).exec(text);
  const clean = (number: string | undefined) => String(hepdataNumber(number ?? '') ?? number);
  return [clean(match?.[1]), clean(match?.[2])];
}

/**
 * Bin edges must be numbers to HEPData, which reads YAML 1.1: there `1e3` and `1.0e3` are text
 * (a float needs a dot and a signed exponent), while Capsule's YAML 1.2 reader sees numbers.
 */
function yaml11Numbers(document: HepdataDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  const root = document.file.document?.root ?? null;
  const source = document.file.text;
  list(document.value, 'independent_variables').forEach((variable, v) => {
    list(variable, 'values').forEach((point, row) => {
      if (!isMap(point) || !('low' in point || 'high' in point)) return;
      for (const key of ['low', 'high', 'value']) {
        if (typeof point[key] !== 'number') continue;
        const pointer = `/independent_variables/${v}/values/${row}/${key}`;
        const found = locate(root, pointer);
        if (!found?.exact || found.node.kind !== 'scalar' || found.node.style !== 'plain') continue;
        const raw = source.slice(found.node.start, found.node.end);
        if (pyyamlReadsAsNumber(raw)) continue;
        out.push(
          document.file.diagnostic(
            'CAPSULE_HEPDATA_YAML11_NUMBER',
            'error',
            pointer,
            `\`${key}: ${raw}\` is a number here, but HEPData reads YAML 1.1, where \`${raw}\` is text; it would reject this bin.`,
            `Write \`${key}: ${yaml11Spelling(raw)}\` (a dot in the number and a sign in the exponent).`,
          ),
        );
      }
    });
  });
  return out;
}
