import { axisScale, formatCompact } from './axis-scale.ts';
import type { AxisScaleMap } from './axis-scale.ts';
import type { HeatmapPlot, PlotModel, PointsPlot } from './plot-model.ts';

/**
 * A plot model as a standalone SVG string, for record pages and downloads. Accessible: the
 * <svg> is an image labelled by its <title> and described by its <desc> (so its name stays
 * short); series differ in marker shape as well as colour (Okabe–Ito palette); every point and
 * cell carries a <title> tooltip. No script, no external resources: safe to inline. `id` makes the ids inside unique on a page.
 */
export interface SvgOptions {
  /** Prefix for the ids inside the SVG, unique on the page (e.g. `table-3-plot-1`). */
  id: string;
  width?: number;
}

const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
const MARKERS = ['circle', 'square', 'triangle', 'diamond'] as const;
const VIRIDIS = [
  '#440154',
  '#482878',
  '#3e4989',
  '#31688e',
  '#26828e',
  '#1f9e89',
  '#35b779',
  '#6ece58',
  '#b5de2b',
  '#fde725',
];
const TEXT = '#1a1a1a';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

interface Frame {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The SVG for a plot, or undefined when the model says there is nothing to plot. */
export function plotSvg(model: PlotModel, options: SvgOptions): string | undefined {
  if (model.kind === 'none') return undefined;
  return model.kind === 'points' ? pointsSvg(model, options) : heatmapSvg(model, options);
}

function pointsSvg(model: PointsPlot, options: SvgOptions): string {
  const width = options.width ?? 640;
  const legendRows = model.series.length > 1 ? model.series.length : 0;
  const categories = model.x.categories;
  const rotate = !!categories && categories.some((c) => c.length > 6) && categories.length > 4;
  const bottom = rotate ? 96 : 56;
  const frame: Frame = { left: 80, top: 40, width: width - 80 - 24, height: 300 };
  const height = frame.top + frame.height + bottom + legendRows * 20 + (legendRows ? 8 : 0);
  const x = axisScale(model.x);
  const y = axisScale(model.y);
  const px = (value: number) => frame.left + x.fraction(value) * frame.width;
  const py = (value: number) => frame.top + (1 - y.fraction(value)) * frame.height;
  const parts = open(model.title, model.description, width, height, options.id);
  parts.push(...grid(frame, x, y, options.id));
  parts.push(...axes(frame, x, y, model.x.label, model.y.label, rotate));
  parts.push(`<g clip-path="url(#${options.id}-clip)">`);
  model.series.forEach((series, index) => {
    const colour = PALETTE[index % PALETTE.length] as string;
    const marker = MARKERS[index % MARKERS.length] as (typeof MARKERS)[number];
    parts.push(`<g fill="${colour}" stroke="${colour}" stroke-width="1.5">`);
    for (const point of series.points) {
      const cx = px(point.x);
      const cy = py(point.y);
      const bars: string[] = [];
      if (point.xLow !== undefined && point.xHigh !== undefined)
        bars.push(line(px(point.xLow), cy, px(point.xHigh), cy));
      if (point.yHigh !== point.yLow) {
        const top = py(point.yHigh);
        const low = py(point.yLow);
        bars.push(
          line(cx, top, cx, low),
          line(cx - 3, top, cx + 3, top),
          line(cx - 3, low, cx + 3, low),
        );
      }
      parts.push(
        `<g><title>${escapeXml(`${series.label}: ${point.label}`)}</title>${bars.join('')}${markerShape(marker, cx, cy)}</g>`,
      );
    }
    parts.push('</g>');
  });
  parts.push('</g>');
  model.series.forEach((series, index) => {
    if (legendRows === 0) return;
    const colour = PALETTE[index % PALETTE.length] as string;
    const marker = MARKERS[index % MARKERS.length] as (typeof MARKERS)[number];
    const ly = frame.top + frame.height + bottom + index * 20 + 4;
    parts.push(
      `<g fill="${colour}" stroke="${colour}">${markerShape(marker, frame.left + 6, ly)}</g>`,
      text(frame.left + 18, ly + 4, fit(series.label, 90), { anchor: 'start' }),
    );
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}

function heatmapSvg(model: HeatmapPlot, options: SvgOptions): string {
  const width = options.width ?? 640;
  const frame: Frame = { left: 80, top: 40, width: width - 80 - 110, height: 320 };
  const height = frame.top + frame.height + 56;
  const x = axisScale(model.x);
  const y = axisScale(model.y);
  const px = (value: number) => frame.left + x.fraction(value) * frame.width;
  const py = (value: number) => frame.top + (1 - y.fraction(value)) * frame.height;
  const zFraction = (value: number) =>
    model.z.scale === 'log'
      ? (Math.log10(value) - Math.log10(model.z.min)) /
        (Math.log10(model.z.max) - Math.log10(model.z.min) || 1)
      : (value - model.z.min) / (model.z.max - model.z.min || 1);
  const parts = open(model.title, model.description, width, height, options.id);
  parts.push(...grid(frame, x, y, options.id));
  parts.push(`<g clip-path="url(#${options.id}-clip)">`);
  for (const cell of model.cells) {
    const left = px(cell.xLow);
    const right = px(cell.xHigh);
    const top = py(cell.yHigh);
    const low = py(cell.yLow);
    parts.push(
      `<rect x="${n(Math.min(left, right))}" y="${n(Math.min(top, low))}" width="${n(Math.abs(right - left))}" height="${n(Math.abs(low - top))}" fill="${viridis(zFraction(cell.z))}"><title>${escapeXml(cell.label)}</title></rect>`,
    );
  }
  parts.push('</g>');
  parts.push(...axes(frame, x, y, model.x.label, model.y.label, false));
  // The colour bar, with the scale's ends and middle labelled.
  const barX = frame.left + frame.width + 24;
  parts.push(
    `<defs><linearGradient id="${options.id}-scale" x1="0" y1="1" x2="0" y2="0">${VIRIDIS.map((colour, index) => `<stop offset="${n(index / (VIRIDIS.length - 1))}" stop-color="${colour}"/>`).join('')}</linearGradient></defs>`,
    `<rect x="${barX}" y="${frame.top}" width="14" height="${frame.height}" fill="url(#${options.id}-scale)" stroke="${TEXT}" stroke-width="0.5"/>`,
  );
  const middle =
    model.z.scale === 'log'
      ? Math.sqrt(model.z.min * model.z.max)
      : (model.z.min + model.z.max) / 2;
  for (const value of [model.z.min, middle, model.z.max]) {
    const ty = frame.top + (1 - zFraction(value)) * frame.height;
    parts.push(
      line(barX + 14, ty, barX + 18, ty, TEXT),
      text(barX + 21, ty + 4, formatCompact(value), { anchor: 'start', size: 11 }),
    );
  }
  const labelX = barX + 80;
  const labelY = frame.top + frame.height / 2;
  parts.push(
    `<text x="${n(labelX)}" y="${n(labelY)}" font-size="12" fill="${TEXT}" text-anchor="middle" transform="rotate(-90 ${n(labelX)} ${n(labelY)})">${escapeXml(fit(model.z.label, 48))}</text>`,
    '</svg>',
  );
  return parts.join('\n') + '\n';
}

function open(
  title: string,
  description: string,
  width: number,
  height: number,
  id: string,
): string[] {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc" font-family="${escapeXml(FONT)}">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(description)}</desc>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    // About 8.5 units a character at 15 bold: shorten the title to the drawing's width.
    text(width / 2, 24, fit(title, Math.min(80, Math.floor((width - 16) / 8.5))), {
      anchor: 'middle',
      size: 15,
      weight: 'bold',
    }),
  ];
}

/** Grid lines and the clip path of the plot area, drawn under the data. */
function grid(frame: Frame, x: AxisScaleMap, y: AxisScaleMap, id: string): string[] {
  const out = [
    `<defs><clipPath id="${id}-clip"><rect x="${frame.left}" y="${frame.top}" width="${frame.width}" height="${frame.height}"/></clipPath></defs>`,
  ];
  for (const tick of x.ticks) {
    const tx = frame.left + x.fraction(tick) * frame.width;
    out.push(line(tx, frame.top, tx, frame.top + frame.height, '#e3e3e3'));
  }
  for (const tick of y.ticks) {
    const ty = frame.top + (1 - y.fraction(tick)) * frame.height;
    out.push(line(frame.left, ty, frame.left + frame.width, ty, '#e3e3e3'));
  }
  return out;
}

/** The frame, ticks, tick labels and axis labels, drawn over the data. */
function axes(
  frame: Frame,
  x: AxisScaleMap,
  y: AxisScaleMap,
  xLabel: string,
  yLabel: string,
  rotate: boolean,
): string[] {
  const out: string[] = [];
  const bottom = frame.top + frame.height;
  const shownX = thin(x.ticks, Math.floor(frame.width / 40));
  for (const tick of x.ticks) {
    const tx = frame.left + x.fraction(tick) * frame.width;
    out.push(line(tx, bottom, tx, bottom + 5, TEXT));
    if (!shownX.includes(tick)) continue;
    const label = fit(x.format(tick), 24);
    out.push(
      rotate
        ? `<text x="${n(tx)}" y="${n(bottom + 14)}" font-size="11" fill="${TEXT}" text-anchor="end" transform="rotate(-35 ${n(tx)} ${n(bottom + 14)})">${escapeXml(label)}</text>`
        : text(tx, bottom + 18, label, { anchor: 'middle', size: 11 }),
    );
  }
  for (const tick of y.ticks) {
    const ty = frame.top + (1 - y.fraction(tick)) * frame.height;
    out.push(
      line(frame.left - 5, ty, frame.left, ty, TEXT),
      text(frame.left - 8, ty + 4, y.format(tick), { anchor: 'end', size: 11 }),
    );
  }
  const middle = frame.top + frame.height / 2;
  out.push(
    `<rect x="${frame.left}" y="${frame.top}" width="${frame.width}" height="${frame.height}" fill="none" stroke="${TEXT}" stroke-width="1"/>`,
    text(
      frame.left + frame.width / 2,
      bottom + (rotate ? 84 : 42),
      fit(xLabel, Math.min(80, Math.floor((frame.width + 60) / 7))),
      {
        anchor: 'middle',
        size: 13,
      },
    ),
    `<text x="18" y="${n(middle)}" font-size="13" fill="${TEXT}" text-anchor="middle" transform="rotate(-90 18 ${n(middle)})">${escapeXml(fit(yLabel, 44))}</text>`,
  );
  return out;
}

/** A label shortened with an ellipsis to fit beside the plot; the full text is in the <desc>. */
function fit(label: string, max: number): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

/** At most `max` tick labels, evenly chosen. */
function thin(ticks: number[], max: number): number[] {
  if (ticks.length <= max) return ticks;
  const every = Math.ceil(ticks.length / Math.max(1, max));
  return ticks.filter((_, index) => index % every === 0);
}

function markerShape(shape: (typeof MARKERS)[number], x: number, y: number): string {
  switch (shape) {
    case 'circle':
      return `<circle cx="${n(x)}" cy="${n(y)}" r="3.5"/>`;
    case 'square':
      return `<rect x="${n(x - 3.2)}" y="${n(y - 3.2)}" width="6.4" height="6.4"/>`;
    case 'triangle':
      return `<path d="M${n(x)} ${n(y - 4.2)}L${n(x + 4)} ${n(y + 3)}L${n(x - 4)} ${n(y + 3)}Z"/>`;
    case 'diamond':
      return `<path d="M${n(x)} ${n(y - 4.5)}L${n(x + 4.5)} ${n(y)}L${n(x)} ${n(y + 4.5)}L${n(x - 4.5)} ${n(y)}Z"/>`;
  }
}

function line(x1: number, y1: number, x2: number, y2: number, stroke?: string): string {
  return `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}"${stroke ? ` stroke="${stroke}"` : ''}/>`;
}

function text(
  x: number,
  y: number,
  content: string,
  style: { anchor: 'start' | 'middle' | 'end'; size?: number; weight?: string },
): string {
  return `<text x="${n(x)}" y="${n(y)}" font-size="${style.size ?? 12}"${style.weight ? ` font-weight="${style.weight}"` : ''} fill="${TEXT}" text-anchor="${style.anchor}">${escapeXml(content)}</text>`;
}

function viridis(fraction: number): string {
  const t =
    Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0)) * (VIRIDIS.length - 1);
  const index = Math.min(VIRIDIS.length - 2, Math.floor(t));
  const mix = t - index;
  const a = hex(VIRIDIS[index] as string);
  const b = hex(VIRIDIS[index + 1] as string);
  return `#${a
    .map((value, i) =>
      Math.round(value + ((b[i] as number) - value) * mix)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

function hex(colour: string): number[] {
  return [1, 3, 5].map((start) => parseInt(colour.slice(start, start + 2), 16));
}

/** Coordinates with at most two decimals: smaller, stable output. */
function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
