import { field, isMap, list, text } from '../validate/data.ts';
import { parseYaml, parseYamlStream } from '../yaml/index.ts';

/**
 * A record's HEPData tables as the record page shows them: one HTML table per HEPData table,
 * independent variables first, then each dependent variable with its uncertainties. Read
 * leniently (validating HEPData is the validator's job); a table that cannot be read says why.
 */
export interface ResultsTable {
  name: string;
  description?: string;
  location?: string;
  dataFile?: string;
  keywords: Array<{ name: string; values: string[] }>;
  columns: ResultsColumn[];
  /** One row per bin or point; each cell is already formatted text. */
  rows: string[][];
  problem?: string;
}

export interface ResultsColumn {
  header: string;
  kind: 'independent' | 'dependent';
  /** Qualifiers of a dependent variable (`SQRT(S) = 13000 GEV`). */
  qualifiers: string[];
}

/** Reads a HEPData folder: `submission.yaml` (a stream) names each table's data file. */
export function resultsView(
  submissionSource: string,
  readDataFile: (name: string) => string | undefined,
): ResultsTable[] {
  const stream = parseYamlStream(submissionSource, { duplicateKeys: 'last-wins', tree: false });
  const tables: ResultsTable[] = [];
  for (const { value } of stream.documents) {
    if (!isMap(value) || text(value, 'name') === undefined) continue;
    const table: ResultsTable = {
      name: text(value, 'name') as string,
      keywords: list(value, 'keywords')
        .filter(isMap)
        .map((keyword) => ({
          name: text(keyword, 'name') ?? '',
          values: list(keyword, 'values').map(cellText),
        })),
      columns: [],
      rows: [],
    };
    const description = text(value, 'description');
    const location = text(value, 'location');
    const dataFile = text(value, 'data_file');
    if (description) table.description = description;
    if (location) table.location = location;
    if (dataFile) table.dataFile = dataFile;
    const source = dataFile ? readDataFile(dataFile) : undefined;
    if (source === undefined) {
      table.problem = dataFile ? `${dataFile} is missing.` : 'The table names no data file.';
    } else {
      Object.assign(table, tableData(source));
    }
    tables.push(table);
  }
  return tables;
}

function tableData(source: string): Pick<ResultsTable, 'columns' | 'rows' | 'problem'> {
  const parsed = parseYaml(source, { duplicateKeys: 'last-wins', tree: false });
  const error = parsed.issues.find((issue) => issue.severity === 'error');
  if (error || !isMap(parsed.value))
    return { columns: [], rows: [], problem: error?.message ?? 'The data file is not a mapping.' };
  const independent = list(parsed.value, 'independent_variables').filter(isMap);
  const dependent = list(parsed.value, 'dependent_variables').filter(isMap);
  const columns: ResultsColumn[] = [
    ...independent.map((variable) => column(variable, 'independent')),
    ...dependent.map((variable) => column(variable, 'dependent')),
  ];
  const cells = [
    ...independent.map((variable) => list(variable, 'values').map(independentCell)),
    ...dependent.map((variable) => list(variable, 'values').map(dependentCell)),
  ];
  const length = Math.max(0, ...cells.map((values) => values.length));
  const rows = Array.from({ length }, (_, row) => cells.map((values) => values[row] ?? ''));
  return { columns, rows };
}

function column(variable: object, kind: ResultsColumn['kind']): ResultsColumn {
  const header = field(variable, 'header');
  const name = text(header, 'name') ?? '';
  const units = text(header, 'units');
  return {
    header: units ? `${name} [${units}]` : name,
    kind,
    qualifiers: list(variable, 'qualifiers')
      .filter(isMap)
      .map((qualifier) => {
        const units = text(qualifier, 'units');
        return `${text(qualifier, 'name') ?? ''} = ${cellText(field(qualifier, 'value'))}${units ? ` ${units}` : ''}`;
      }),
  };
}

function independentCell(value: unknown): string {
  if (!isMap(value)) return cellText(value);
  if (field(value, 'value') !== undefined) return cellText(field(value, 'value'));
  const low = field(value, 'low');
  const high = field(value, 'high');
  return low !== undefined || high !== undefined ? `${cellText(low)} – ${cellText(high)}` : '';
}

function dependentCell(value: unknown): string {
  if (!isMap(value)) return cellText(value);
  const central = cellText(field(value, 'value'));
  const errors = list(value, 'errors')
    .filter(isMap)
    .map((error) => {
      const label = text(error, 'label');
      const symmetric = field(error, 'symerror');
      const asymmetric = field(error, 'asymerror');
      const size =
        symmetric !== undefined
          ? `± ${cellText(symmetric)}`
          : `+${cellText(field(asymmetric, 'plus')).replace(/^\+/, '')} ${signed(field(asymmetric, 'minus'))}`;
      return label ? `${size} (${label})` : size;
    });
  return [central, ...errors].join(' ');
}

function signed(value: unknown): string {
  const textValue = cellText(value);
  return textValue.startsWith('-') ? `−${textValue.slice(1)}` : `−${textValue}`;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
