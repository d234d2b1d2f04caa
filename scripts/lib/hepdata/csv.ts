import { headerLabel } from './table-model.ts';
import type { HepdataTable } from './table-model.ts';

/**
 * A table as CSV (RFC 4180, CRLF line ends) in the layout of HEPData's own CSV download: `#:`
 * lines with the table's metadata and the qualifiers, then one column per independent variable
 * (with LOW and HIGH columns for bins) and per dependent variable, each uncertainty as a `+` and
 * a `-` column in absolute units.
 */
export function tableCsv(table: HepdataTable): string {
  const lines: string[] = [];
  const meta = (key: string, value: string | undefined) => {
    if (value) lines.push(`#: ${key}: ${value.replace(/\s*\r?\n\s*/g, ' ').trim()}`);
  };
  meta('name', table.name);
  meta('description', table.description);
  meta('location', table.location);
  meta('data_file', table.dataFile);
  meta('table_doi', table.doi);
  for (const keyword of table.keywords) meta(`keyword ${keyword.name}`, keyword.values.join(' | '));

  const columns: Array<{ label: string; cell: (row: number) => string }> = [];
  table.independent.forEach((variable) => {
    const label = headerLabel(variable.header);
    const binned = variable.points.some((p) => p.low !== undefined);
    columns.push({
      label,
      cell: (row) => {
        const p = variable.points[row];
        if (!p) return '';
        return p.low !== undefined && p.value === undefined
          ? ''
          : p.value !== undefined
            ? number(p.value)
            : p.text;
      },
    });
    if (binned) {
      columns.push({ label: `${label} LOW`, cell: (row) => number(variable.points[row]?.low) });
      columns.push({ label: `${label} HIGH`, cell: (row) => number(variable.points[row]?.high) });
    }
  });
  const valueColumns: number[] = [];
  table.dependent.forEach((variable) => {
    valueColumns.push(columns.length);
    columns.push({
      label: headerLabel(variable.header),
      cell: (row) => {
        const value = variable.values[row];
        return value ? (value.value !== undefined ? number(value.value) : value.text) : '';
      },
    });
    const width = Math.max(0, ...variable.values.map((value) => value.errors.length));
    for (let k = 0; k < width; k++) {
      const label =
        variable.values.find((value) => value.errors[k]?.label)?.errors[k]?.label ?? 'error';
      columns.push({
        label: `${label} +`,
        cell: (row) => signed(variable.values[row]?.errors[k]?.up, ''),
      });
      columns.push({
        label: `${label} -`,
        cell: (row) => signed(variable.values[row]?.errors[k]?.down, '-'),
      });
    }
  });

  // Qualifier rows: the qualifier's name in the first cell, its value under each dependent column.
  const names = [...new Set(table.dependent.flatMap((v) => v.qualifiers.map((q) => q.name)))];
  for (const name of names) {
    const cells = columns.map(() => '');
    let units: string | undefined;
    table.dependent.forEach((variable, index) => {
      const qualifier = variable.qualifiers.find((q) => q.name === name);
      const column = valueColumns[index];
      if (!qualifier || column === undefined) return;
      cells[column] = qualifier.value;
      units ??= qualifier.units;
    });
    const label = `#: ${units ? `${name} [${units}]` : name}`;
    cells[0] = cells[0] ? `${label}: ${cells[0]}` : label;
    lines.push(cells.map(quote).join(','));
  }
  lines.push(columns.map((column) => quote(column.label)).join(','));
  for (let row = 0; row < table.rows; row++) {
    lines.push(columns.map((column) => quote(column.cell(row))).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

function number(value: number | undefined): string {
  if (value === undefined) return '';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  return String(value);
}

function signed(value: number | undefined, sign: '' | '-'): string {
  if (value === undefined) return '';
  return value === 0 ? '0' : `${sign}${number(value)}`;
}

function quote(cell: string): string {
  return /[",\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
