import { field, isMap, list } from '../validate/data.ts';
import { absoluteUncertainty, hepdataNumber, uncertaintyAmount } from './numbers.ts';

/**
 * A HEPData table as the site shows it: its submission.yaml entry and data file read into plain
 * numbers. Values written as text stay text (`text`) and have no `value`; percentages become
 * absolute uncertainties. Reading is defensive: a table that failed validation still yields
 * whatever can be shown.
 */
export interface VariableHeader {
  name: string;
  units?: string;
}

export interface IndependentPoint {
  /** The number to plot at: the value, or the bin centre. */
  value?: number;
  low?: number;
  high?: number;
  /** How the point reads in a table: `125`, `0–20`, or a category such as `Mono-V`. */
  text: string;
}

export interface Uncertainty {
  label?: string;
  /** Upward and downward sizes in the units of the value, both ≥ 0 (undefined when not a number). */
  up: number | undefined;
  down: number | undefined;
  symmetric: boolean;
  /** As written: `0.45`, `5%`, `+0.4 -0.3`. */
  text: string;
}

export interface Measurement {
  value: number | undefined;
  text: string;
  errors: Uncertainty[];
}

export interface Qualifier {
  name: string;
  value: string;
  units?: string;
}

export interface IndependentVariable {
  header: VariableHeader;
  points: IndependentPoint[];
}

export interface DependentVariable {
  header: VariableHeader;
  qualifiers: Qualifier[];
  values: Measurement[];
}

export interface HepdataTable {
  name: string;
  description?: string;
  location?: string;
  dataFile: string;
  keywords: Array<{ name: string; values: string[] }>;
  doi?: string;
  license?: { name: string; url: string; description?: string };
  independent: IndependentVariable[];
  dependent: DependentVariable[];
  /** The number of rows (the longest variable). */
  rows: number;
}

const asText = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' ? formatNumber(value) : undefined;

/** A number as a table shows it: as JavaScript writes it, with infinities as ±∞. */
export function formatNumber(value: number): string {
  if (value === Infinity) return '∞';
  if (value === -Infinity) return '−∞';
  return String(value).replace(/^-/, '−');
}

function header(data: unknown): VariableHeader {
  const name = asText(field(data, 'name')) ?? '';
  const units = asText(field(data, 'units'));
  return units ? { name, units } : { name };
}

function point(data: unknown): IndependentPoint {
  if (!isMap(data)) return { text: asText(data) ?? '' };
  const low = hepdataNumber(data.low);
  const high = hepdataNumber(data.high);
  const value = hepdataNumber(data.value);
  if (low !== undefined && high !== undefined) {
    const centre =
      value ?? (Number.isFinite(low) && Number.isFinite(high) ? (low + high) / 2 : undefined);
    return {
      ...(centre !== undefined ? { value: centre } : {}),
      low,
      high,
      text: `${formatNumber(low)}–${formatNumber(high)}`,
    };
  }
  const text = asText(data.value) ?? '';
  return value !== undefined && Number.isFinite(value) ? { value, text } : { text };
}

function uncertainty(data: unknown, central: number | undefined): Uncertainty {
  const label = asText(field(data, 'label'));
  const withLabel = (u: Omit<Uncertainty, 'label'>): Uncertainty => (label ? { ...u, label } : u);
  const size = (raw: unknown) => {
    const amount = uncertaintyAmount(raw);
    const absolute = amount ? absoluteUncertainty(amount, central) : undefined;
    // Signs are read as tables mean them: plus upwards, minus downwards, however written.
    return absolute === undefined ? undefined : Math.abs(absolute);
  };
  const asym = field(data, 'asymerror');
  if (isMap(asym)) {
    return withLabel({
      up: size(asym.plus),
      down: size(asym.minus),
      symmetric: false,
      text: `+${signless(asText(asym.plus))} −${signless(asText(asym.minus))}`,
    });
  }
  const sym = field(data, 'symerror');
  const amount = size(sym);
  return withLabel({
    up: amount,
    down: amount,
    symmetric: true,
    text: `±${signless(asText(sym))}`,
  });
}

function signless(text: string | undefined): string {
  return (text ?? '?').replace(/^[-+−]/, '');
}

function measurement(data: unknown): Measurement {
  const raw = field(data, 'value');
  const value = hepdataNumber(raw);
  const finite = value !== undefined && Number.isFinite(value) ? value : undefined;
  return {
    value: finite,
    text: asText(raw) ?? '',
    errors: list(data, 'errors').map((error) => uncertainty(error, finite)),
  };
}

/** Builds the table from its submission.yaml entry and its data file's content. */
export function tableModel(entry: unknown, data: unknown): HepdataTable {
  const independent = list(data, 'independent_variables').map((variable) => ({
    header: header(field(variable, 'header')),
    points: list(variable, 'values').map(point),
  }));
  const dependent = list(data, 'dependent_variables').map((variable) => ({
    header: header(field(variable, 'header')),
    qualifiers: list(variable, 'qualifiers').map((qualifier) => {
      const units = asText(field(qualifier, 'units'));
      return {
        name: asText(field(qualifier, 'name')) ?? '',
        value: asText(field(qualifier, 'value')) ?? '',
        ...(units ? { units } : {}),
      };
    }),
    values: list(variable, 'values').map(measurement),
  }));
  const rows = Math.max(
    0,
    ...independent.map((variable) => variable.points.length),
    ...dependent.map((variable) => variable.values.length),
  );
  const table: HepdataTable = {
    name: asText(field(entry, 'name')) ?? '',
    dataFile: asText(field(entry, 'data_file')) ?? '',
    keywords: list(entry, 'keywords').map((keyword) => ({
      name: asText(field(keyword, 'name')) ?? '',
      values: list(keyword, 'values')
        .map(asText)
        .filter((value): value is string => value !== undefined),
    })),
    independent,
    dependent,
    rows,
  };
  const description = asText(field(entry, 'description'));
  if (description) table.description = description;
  const location = asText(field(entry, 'location'));
  if (location) table.location = location;
  const doi = asText(field(entry, 'table_doi'));
  if (doi) table.doi = doi;
  const license = field(entry, 'data_license');
  const licenseName = asText(field(license, 'name'));
  const licenseUrl = asText(field(license, 'url'));
  if (licenseName && licenseUrl) {
    const licenseDescription = asText(field(license, 'description'));
    table.license = {
      name: licenseName,
      url: licenseUrl,
      ...(licenseDescription ? { description: licenseDescription } : {}),
    };
  }
  return table;
}

/** The total uncertainty of a value: each direction summed in quadrature. */
export function totalUncertainty(value: Measurement): { up: number; down: number } {
  let up = 0;
  let down = 0;
  for (const error of value.errors) {
    up += (error.up ?? 0) ** 2;
    down += (error.down ?? 0) ** 2;
  }
  return { up: Math.sqrt(up), down: Math.sqrt(down) };
}

/** `PT [GEV]`: a header as a column or axis label. */
export function headerLabel(header: VariableHeader): string {
  return header.units ? `${header.name} [${header.units}]` : header.name;
}
