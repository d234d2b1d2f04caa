import { headerLabel, totalUncertainty } from './table-model.ts';
import type { DependentVariable, HepdataTable, IndependentVariable } from './table-model.ts';

/**
 * What to draw for a table, decided without drawing: a 1-D plot (one independent variable;
 * points with error bars, bins as horizontal bars, a category axis for text values) or a 2-D
 * heat map (two independent variables). Dependent variables with the same header share a plot,
 * one series each. An axis is logarithmic when its values are positive and span two decades or
 * more. Pure data, so the SVG renderer, a canvas or a test can use it alike.
 */
export type AxisScale = 'linear' | 'log';

export interface PlotAxis {
  label: string;
  scale: AxisScale;
  min: number;
  max: number;
  /** For an axis of text values: their names, at positions 0, 1, 2... */
  categories?: string[];
}

export interface PlotPoint {
  x: number;
  xLow?: number;
  xHigh?: number;
  y: number;
  /** The ends of the error bar (the total uncertainty). */
  yLow: number;
  yHigh: number;
  /** The row as text, for tooltips. */
  label: string;
}

export interface PlotSeries {
  label: string;
  points: PlotPoint[];
}

export interface PointsPlot {
  kind: 'points';
  title: string;
  /** A sentence or two for screen readers (the SVG's <desc>). */
  description: string;
  x: PlotAxis;
  y: PlotAxis;
  series: PlotSeries[];
  /** Rows left out: non-numeric or infinite values. */
  omitted: number;
}

export interface HeatmapCell {
  xLow: number;
  xHigh: number;
  yLow: number;
  yHigh: number;
  z: number;
  label: string;
}

export interface HeatmapPlot {
  kind: 'heatmap';
  title: string;
  description: string;
  x: PlotAxis;
  y: PlotAxis;
  z: PlotAxis;
  cells: HeatmapCell[];
  omitted: number;
}

export interface NoPlot {
  kind: 'none';
  title: string;
  reason: string;
}

export type PlotModel = PointsPlot | HeatmapPlot | NoPlot;

/** Two decades: from here on a logarithmic axis shows the values better. */
const LOG_SPAN = 100;

export function plotModels(table: HepdataTable): PlotModel[] {
  const title = table.name;
  if (table.dependent.length === 0)
    return [{ kind: 'none', title, reason: 'The table has no measured values.' }];
  if (table.independent.length === 0 || table.independent.length > 2) {
    return [
      {
        kind: 'none',
        title,
        reason:
          table.independent.length === 0
            ? 'The table has no independent variable to plot against.'
            : `The table has ${table.independent.length} independent variables; only tables with one or two are plotted.`,
      },
    ];
  }
  const groups = new Map<string, DependentVariable[]>();
  for (const variable of table.dependent) {
    const key = headerLabel(variable.header);
    groups.set(key, [...(groups.get(key) ?? []), variable]);
  }
  const out: PlotModel[] = [];
  for (const [label, variables] of groups) {
    const plotTitle = groups.size > 1 ? `${title}: ${label}` : title;
    if (table.independent.length === 1) {
      out.push(pointsPlot(plotTitle, table.independent[0] as IndependentVariable, variables));
    } else {
      variables.forEach((variable, index) =>
        out.push(
          heatmap(
            variables.length > 1 ? `${plotTitle} (${index + 1})` : plotTitle,
            table.independent as [IndependentVariable, IndependentVariable],
            variable,
          ),
        ),
      );
    }
  }
  return out;
}

function pointsPlot(
  title: string,
  x: IndependentVariable,
  variables: DependentVariable[],
): PlotModel {
  const numeric =
    x.points.length > 0 &&
    x.points.every((p) => p.value !== undefined || (p.low !== undefined && p.high !== undefined));
  const categories = numeric ? undefined : x.points.map((p) => p.text);
  let omitted = 0;
  const series: PlotSeries[] = variables.map((variable) => {
    const points: PlotPoint[] = [];
    variable.values.forEach((value, row) => {
      const p = x.points[row];
      const finiteBin =
        p && (p.low === undefined || (Number.isFinite(p.low) && Number.isFinite(p.high)));
      if (!p || value.value === undefined || (numeric && (p.value === undefined || !finiteBin))) {
        omitted++;
        return;
      }
      const error = totalUncertainty(value);
      const point: PlotPoint = {
        x: numeric ? (p.value as number) : row,
        y: value.value,
        yLow: value.value - error.down,
        yHigh: value.value + error.up,
        label: `${p.text}: ${value.text}`,
      };
      if (numeric && p.low !== undefined && p.high !== undefined) {
        point.xLow = p.low;
        point.xHigh = p.high;
      }
      points.push(point);
    });
    return { label: seriesLabel(variable, variables), points };
  });
  const all = series.flatMap((s) => s.points);
  if (all.length === 0)
    return { kind: 'none', title, reason: 'The table has no numeric values to plot.' };
  const yLabel = headerLabel(variables[0]?.header ?? { name: '' });
  const xAxis: PlotAxis = categories
    ? {
        label: headerLabel(x.header),
        scale: 'linear',
        min: -0.5,
        max: categories.length - 0.5,
        categories,
      }
    : axis(
        headerLabel(x.header),
        all.map((p) => p.x),
        all.flatMap((p) => [p.xLow ?? p.x, p.xHigh ?? p.x]),
      );
  const yAxis = axis(
    yLabel,
    all.map((p) => p.y),
    all.flatMap((p) => [p.yLow, p.yHigh]),
  );
  const ys = all.map((p) => p.y);
  const labels = [
    ...new Set(
      variables.flatMap((v) =>
        v.values.flatMap((m) => m.errors.map((e) => e.label ?? 'uncertainty')),
      ),
    ),
  ];
  const description = [
    `${yLabel} against ${xAxis.label}: ${all.length} point${all.length === 1 ? '' : 's'}${series.length > 1 ? ` in ${series.length} series (${series.map((s) => s.label).join('; ')})` : ''}, values from ${round(Math.min(...ys))} to ${round(Math.max(...ys))}.`,
    labels.length > 0
      ? `Error bars show the total uncertainty (${labels.join(', ')} added in quadrature).`
      : 'The values have no uncertainties.',
    scaleNote(xAxis, yAxis),
    omitted > 0
      ? `${omitted} value${omitted === 1 ? ' is' : 's are'} not plotted (text or infinite bins).`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  return { kind: 'points', title, description, x: xAxis, y: yAxis, series, omitted };
}

function heatmap(
  title: string,
  [xVariable, yVariable]: [IndependentVariable, IndependentVariable],
  variable: DependentVariable,
): PlotModel {
  const xEdges = cellEdges(xVariable);
  const yEdges = cellEdges(yVariable);
  if (!xEdges || !yEdges)
    return {
      kind: 'none',
      title,
      reason: 'A heat map needs numeric values or bins in both independent variables.',
    };
  const cells: HeatmapCell[] = [];
  let omitted = 0;
  variable.values.forEach((value, row) => {
    const xe = xEdges[row];
    const ye = yEdges[row];
    if (value.value === undefined || !xe || !ye) {
      omitted++;
      return;
    }
    cells.push({
      xLow: xe[0],
      xHigh: xe[1],
      yLow: ye[0],
      yHigh: ye[1],
      z: value.value,
      label: `${xVariable.points[row]?.text}, ${yVariable.points[row]?.text}: ${value.text}`,
    });
  });
  if (cells.length === 0)
    return { kind: 'none', title, reason: 'The table has no numeric values to plot.' };
  const x = axis(
    headerLabel(xVariable.header),
    cells.flatMap((c) => [c.xLow, c.xHigh]),
    cells.flatMap((c) => [c.xLow, c.xHigh]),
  );
  const y = axis(
    headerLabel(yVariable.header),
    cells.flatMap((c) => [c.yLow, c.yHigh]),
    cells.flatMap((c) => [c.yLow, c.yHigh]),
  );
  const zs = cells.map((c) => c.z);
  const zLabel = headerLabel(variable.header);
  const zLog = zs.every((z) => z > 0) && Math.max(...zs) / Math.min(...zs) >= LOG_SPAN;
  const z: PlotAxis = {
    label: zLabel,
    scale: zLog ? 'log' : 'linear',
    min: Math.min(...zs),
    max: Math.max(...zs),
  };
  const description = [
    `Heat map of ${zLabel} in ${x.label} and ${y.label}: ${cells.length} cells, values from ${round(z.min)} to ${round(z.max)}${zLog ? ' (logarithmic colour scale)' : ''}.`,
    scaleNote(x, y),
    omitted > 0
      ? `${omitted} value${omitted === 1 ? ' is' : 's are'} not shown (text or infinite bins).`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  return { kind: 'heatmap', title, description, x, y, z, cells, omitted };
}

/** Each row's extent along a variable: its bin, or half-way to the neighbouring values. */
function cellEdges(variable: IndependentVariable): Array<[number, number] | undefined> | undefined {
  if (!variable.points.some((p) => p.value !== undefined)) return undefined;
  const values = [
    ...new Set(variable.points.flatMap((p) => (p.value === undefined ? [] : [p.value]))),
  ].sort((a, b) => a - b);
  return variable.points.map((p) => {
    if (p.low !== undefined && p.high !== undefined)
      return Number.isFinite(p.low) && Number.isFinite(p.high) ? [p.low, p.high] : undefined;
    if (p.value === undefined) return undefined;
    const value = p.value;
    const index = values.indexOf(value);
    const below = values[index - 1];
    const above = values[index + 1];
    const low =
      below !== undefined
        ? (below + value) / 2
        : above !== undefined
          ? value - (above - value) / 2
          : value - 0.5;
    const high =
      above !== undefined
        ? (above + value) / 2
        : below !== undefined
          ? value + (value - below) / 2
          : value + 0.5;
    return [low, high];
  });
}

function seriesLabel(variable: DependentVariable, all: DependentVariable[]): string {
  if (all.length === 1) return headerLabel(variable.header);
  // The qualifiers that tell this variable apart from the others in its plot.
  const distinct = variable.qualifiers.filter((q) =>
    all.some((other) => other.qualifiers.find((o) => o.name === q.name)?.value !== q.value),
  );
  const shown = (distinct.length > 0 ? distinct : variable.qualifiers).map(
    (q) => `${q.name} = ${q.value}${q.units ? ` ${q.units}` : ''}`,
  );
  return shown.join(', ') || `${headerLabel(variable.header)} (${all.indexOf(variable) + 1})`;
}

function axis(label: string, centres: number[], extents: number[]): PlotAxis {
  const finite = extents.filter(Number.isFinite);
  const positive = centres.every((v) => v > 0);
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const centreMin = Math.min(...centres);
  const centreMax = Math.max(...centres);
  if (positive && centreMax / centreMin >= LOG_SPAN) {
    const positiveExtents = finite.filter((v) => v > 0);
    return {
      label,
      scale: 'log',
      min: Math.min(...positiveExtents),
      max: Math.max(...positiveExtents),
    };
  }
  return { label, scale: 'linear', min, max };
}

function scaleNote(x: PlotAxis, y: PlotAxis): string {
  const logs = [x.scale === 'log' ? 'x' : '', y.scale === 'log' ? 'y' : ''].filter(Boolean);
  return logs.length > 0 ? `Logarithmic ${logs.join(' and ')} axis.` : '';
}

function round(value: number): string {
  return Number(value.toPrecision(4)).toString();
}
