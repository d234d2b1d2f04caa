/**
 * The records-per-year bar chart of the home page, as geometry: the page draws it as inline SVG
 * (no script, no styles from outside), so it works without JavaScript and in both colour schemes.
 * Years without records between the first and the last appear as empty bars.
 */
export interface YearChart {
  width: number;
  height: number;
  bars: YearBar[];
  /** Horizontal grid lines with their value. */
  ticks: Array<{ y: number; label: string }>;
  /** Left edge and bottom of the plotting area. */
  plot: { left: number; top: number; right: number; bottom: number };
  /** One sentence for screen readers and the SVG <desc>. */
  summary: string;
}

export interface YearBar {
  year: string;
  count: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Show the year under this bar (every bar when they fit, else every n-th). */
  labelled: boolean;
}

export interface YearChartOptions {
  width?: number;
  height?: number;
}

export function yearChart(
  counts: ReadonlyMap<string, number>,
  options: YearChartOptions = {},
): YearChart {
  const width = options.width ?? 640;
  const height = options.height ?? 220;
  const plot = { left: 40, top: 12, right: width - 8, bottom: height - 28 };
  const years = [...counts.keys()].filter((year) => /^\d{4}$/.test(year)).map(Number);
  if (years.length === 0)
    return { width, height, bars: [], ticks: [], plot, summary: 'No records yet.' };
  const first = Math.min(...years);
  const last = Math.max(...years);
  const all = Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
  const max = Math.max(...all.map((year) => counts.get(year) ?? 0));
  const step = niceStep(max);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const slot = (plot.right - plot.left) / all.length;
  const gap = Math.min(8, slot * 0.2);
  const every = Math.ceil(all.length / Math.max(1, Math.floor((plot.right - plot.left) / 44)));
  const scale = (value: number) => ((plot.bottom - plot.top) * value) / top;
  const bars = all.map((year, index): YearBar => {
    const count = counts.get(year) ?? 0;
    const barHeight = scale(count);
    return {
      year,
      count,
      x: round(plot.left + index * slot + gap / 2),
      y: round(plot.bottom - barHeight),
      width: round(slot - gap),
      height: round(barHeight),
      labelled: (all.length - 1 - index) % every === 0,
    };
  });
  const ticks = [];
  for (let value = 0; value <= top; value += step)
    ticks.push({ y: round(plot.bottom - scale(value)), label: String(value) });
  const busiest = bars.reduce((a, b) => (b.count > a.count ? b : a));
  const total = bars.reduce((sum, bar) => sum + bar.count, 0);
  const summary = `${total} record${total === 1 ? '' : 's'} from ${first} to ${last}; the most, ${busiest.count}, in ${busiest.year}.`;
  return { width, height, bars, ticks, plot, summary };
}

/** 1, 2 or 5 times a power of ten, giving at most five grid lines. */
function niceStep(max: number): number {
  if (max <= 5) return 1;
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const factor of [1, 2, 5, 10]) if (raw <= factor * power) return factor * power;
  return 10 * power;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
