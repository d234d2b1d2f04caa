import { headerLabel } from './table-model.ts';
import type { HepdataTable, Qualifier } from './table-model.ts';

/**
 * A table as rows of text cells, for an HTML <table> on the record page: one column per
 * variable, bins as `low–high`, each value with its uncertainties as written (`±0.45 stat`,
 * `+0.4 −0.3 sys`). The page adds the markup; this decides the content.
 */
export interface GridColumn {
  label: string;
  kind: 'independent' | 'dependent';
  qualifiers: Qualifier[];
}

export interface GridCell {
  text: string;
  errors: Array<{ label?: string; text: string }>;
}

export interface TableGrid {
  columns: GridColumn[];
  rows: GridCell[][];
}

export function tableGrid(table: HepdataTable): TableGrid {
  const columns: GridColumn[] = [
    ...table.independent.map((variable) => ({
      label: headerLabel(variable.header),
      kind: 'independent' as const,
      qualifiers: [],
    })),
    ...table.dependent.map((variable) => ({
      label: headerLabel(variable.header),
      kind: 'dependent' as const,
      qualifiers: variable.qualifiers,
    })),
  ];
  const rows: GridCell[][] = [];
  for (let row = 0; row < table.rows; row++) {
    rows.push([
      ...table.independent.map((variable) => ({
        text: variable.points[row]?.text ?? '',
        errors: [],
      })),
      ...table.dependent.map((variable) => {
        const value = variable.values[row];
        return {
          text: value?.text ?? '',
          errors: (value?.errors ?? []).map((error) =>
            error.label ? { label: error.label, text: error.text } : { text: error.text },
          ),
        };
      }),
    ]);
  }
  return { columns, rows };
}
