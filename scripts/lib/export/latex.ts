import { formatNumber } from '../hepdata/table-model.ts';
import type { HepdataTable } from '../hepdata/table-model.ts';
import type { RecordMetadata } from '../records/types.ts';
import { escape } from './bibtex.ts';
import type { ExportContext } from './context.ts';

/**
 * LaTeX tables of a record, as CAP offered them for analysis notes: the record's key facts, its
 * input datasets, and (when given) its HEPData tables, each a `table` with a booktabs `tabular`,
 * a caption and a label. Paste into a document that loads booktabs (and hyperref for links).
 */
export function latexTables(
  record: RecordMetadata,
  context: ExportContext,
  hepdata: readonly HepdataTable[] = [],
): string {
  const label = context.recordId.replace(/[^A-Za-z0-9]+/g, '-');
  const parts = [
    `% LaTeX tables for ${context.recordId}, written by Capsule. Needs \\usepackage{booktabs} and \\usepackage{hyperref}.`,
    summaryTable(record, context, label),
  ];
  if (record.datasets?.length) parts.push(datasetsTable(record, label));
  hepdata.forEach((table, index) =>
    parts.push(hepdataLatex(table, `${label}-hepdata-${index + 1}`)),
  );
  return parts.join('\n\n') + '\n';
}

function table(
  caption: string,
  label: string,
  columns: string,
  header: string[] | undefined,
  rows: string[][],
): string {
  return [
    '\\begin{table}[htbp]',
    '  \\centering',
    `  \\caption{${caption}}`,
    `  \\label{tab:${label}}`,
    `  \\begin{tabular}{${columns}}`,
    '    \\toprule',
    ...(header ? [`    ${header.join(' & ')} \\\\`, '    \\midrule'] : []),
    ...rows.map((row) => `    ${row.join(' & ')} \\\\`),
    '    \\bottomrule',
    '  \\end{tabular}',
    '\\end{table}',
  ].join('\n');
}

function summaryTable(record: RecordMetadata, context: ExportContext, label: string): string {
  const rows: Array<[string, string | undefined]> = [
    ['Title', escape(record.title.replace(/\s+/g, ' ').trim())],
    ['Experiment', escape(record.collaboration ?? record.experiment)],
    ['Status', record.status ? escape(record.status) : undefined],
    ['Collision system', record.collision?.system ? escape(record.collision.system) : undefined],
    [
      '$\\sqrt{s}$',
      record.collision?.sqrt_s_tev !== undefined ? `${record.collision.sqrt_s_tev}~TeV` : undefined,
    ],
    [
      'Integrated luminosity',
      record.collision?.integrated_luminosity
        ? `${record.collision.integrated_luminosity.value}~${escape(record.collision.integrated_luminosity.unit).replace('-1', '$^{-1}$')}`
        : undefined,
    ],
    ['Data-taking years', record.collision?.years?.join(', ')],
    ['Final states', record.final_states?.map(escape).join(', ')],
    ...(record.publications ?? []).map((p): [string, string | undefined] => [
      escape(p.type ?? 'Publication'),
      [
        p.journal ? escape(p.journal) : undefined,
        p.doi ? `\\href{https://doi.org/${p.doi}}{doi:${escape(p.doi)}}` : undefined,
        p.arxiv ? `arXiv:${escape(p.arxiv)}` : undefined,
        p.report_number ? escape(p.report_number) : undefined,
      ]
        .filter(Boolean)
        .join(', ') || undefined,
    ]),
    ...(record.code ?? []).map((c): [string, string | undefined] => [
      'Code',
      `\\url{${c.url}}${c.tag ? ` (${escape(c.tag)})` : ''}`,
    ]),
    [
      'Record',
      `\\url{${context.pageUrl}}${record.doi ? `, \\href{https://doi.org/${record.doi}}{doi:${escape(record.doi)}}` : ''}`,
    ],
  ];
  return table(
    `Summary of the analysis \\emph{${escape(shorten(record.title))}}.`,
    `${label}-summary`,
    'lp{0.62\\textwidth}',
    undefined,
    rows
      .filter((row): row is [string, string] => row[1] !== undefined)
      .map(([key, value]) => [key, value]),
  );
}

function datasetsTable(record: RecordMetadata, label: string): string {
  const rows = (record.datasets ?? []).map((d) => [
    `\\texttt{${escape(d.title)}}`,
    escape(d.kind ?? ''),
    escape(d.format ?? ''),
    d.events !== undefined ? String(d.events).replace(/\B(?=(\d{3})+(?!\d))/g, '\\,') : '',
    d.doi
      ? `\\href{https://doi.org/${d.doi}}{${escape(d.doi)}}`
      : d.opendata_recid
        ? `\\href{https://opendata.cern.ch/record/${d.opendata_recid}}{Open Data ${d.opendata_recid}}`
        : '',
  ]);
  return table(
    'Input datasets.',
    `${label}-datasets`,
    'lllrl',
    ['Dataset', 'Kind', 'Format', 'Events', 'Reference'],
    rows,
  );
}

/** One HEPData table: a column per variable, each value with its uncertainties as written. */
export function hepdataLatex(data: HepdataTable, label: string): string {
  const header = [
    ...data.independent.map((v) => headerText(v.header.name, v.header.units)),
    ...data.dependent.map((v) => headerText(v.header.name, v.header.units)),
  ];
  const rows: string[][] = [];
  for (let row = 0; row < data.rows; row++) {
    rows.push([
      ...data.independent.map((v) => {
        const point = v.points[row];
        if (!point) return '';
        return point.low !== undefined && point.high !== undefined
          ? `$${formatNumber(point.low).replace('−', '-').replace('∞', '\\infty')}$--$${formatNumber(point.high).replace('−', '-').replace('∞', '\\infty')}$`
          : escape(point.text);
      }),
      ...data.dependent.map((v) => {
        const value = v.values[row];
        if (!value) return '';
        const errors = value.errors.map((e) =>
          e.symmetric
            ? `\\pm ${plain(e.text.slice(1))}`
            : `^{+${plain(e.text.split(' ')[0]?.slice(1))}}_{-${plain(e.text.split(' ')[1]?.slice(1))}}`,
        );
        return value.value === undefined
          ? escape(value.text)
          : `$${plain(value.text)}${errors.length ? ` ${errors.join(' ')}` : ''}$`;
      }),
    ]);
  }
  const caption = `${escape(data.name)}${data.description ? `: ${escape(shorten(data.description, 200))}` : ''}`;
  return table(
    caption,
    label,
    'l'.repeat(data.independent.length) + 'r'.repeat(data.dependent.length),
    header,
    rows,
  );
}

function headerText(name: string, units: string | undefined): string {
  return units ? `${escape(name)} [${escape(units)}]` : escape(name);
}

/** A number or percentage inside math mode. */
function plain(text: string | undefined): string {
  return (text ?? '').replace(/%/g, '\\%').replace(/−/g, '-');
}

function shorten(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
