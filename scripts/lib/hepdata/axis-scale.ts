import type { PlotAxis } from './plot-model.ts';

/**
 * Axis arithmetic for the plots: a padded "nice" range, ticks at 1-2-5 steps (linear) or at
 * decades (logarithmic), and tick labels that stay short (`2×10⁵`, `10⁻³`).
 */
export interface AxisScaleMap {
  domain: [number, number];
  ticks: number[];
  /** Position of a value between 0 (domain start) and 1 (domain end); values off a log axis's domain clamp. */
  fraction(value: number): number;
  format(value: number): string;
}

export function axisScale(
  axis: PlotAxis,
  options: { padding?: boolean; tickCount?: number } = {},
): AxisScaleMap {
  const tickCount = options.tickCount ?? 6;
  if (axis.categories) {
    const ticks = axis.categories.map((_, index) => index);
    return {
      domain: [axis.min, axis.max],
      ticks,
      fraction: (value) => (value - axis.min) / (axis.max - axis.min || 1),
      format: (value) => axis.categories?.[Math.round(value)] ?? '',
    };
  }
  if (axis.scale === 'log') {
    const low = Math.floor(Math.log10(axis.min));
    let high = Math.ceil(Math.log10(axis.max));
    if (high === low) high = low + 1;
    const ticks: number[] = [];
    const every = Math.max(1, Math.ceil((high - low) / 8));
    for (let exponent = low; exponent <= high; exponent += every) ticks.push(10 ** exponent);
    return {
      domain: [10 ** low, 10 ** high],
      ticks,
      fraction: (value) => (value <= 0 ? 0 : (Math.log10(value) - low) / (high - low)),
      format: (value) => formatPowerOfTen(Math.round(Math.log10(value))),
    };
  }
  let min = axis.min;
  let max = axis.max;
  if (min === max) {
    const pad = Math.abs(min) * 0.1 || 1;
    min -= pad;
    max += pad;
  }
  const pad = options.padding === false ? 0 : (max - min) * 0.05;
  const step = niceStep((max - min + 2 * pad) / tickCount);
  // Padding never pushes an axis of positive (or negative) values across zero.
  let start = Math.floor((min - pad) / step) * step;
  let end = Math.ceil((max + pad) / step) * step;
  if (min >= 0 && start < 0) start = 0;
  if (max <= 0 && end > 0) end = 0;
  const ticks: number[] = [];
  for (let value = start; value <= end + step / 2; value += step)
    ticks.push(cleanFloat(value, step));
  return {
    domain: [start, end],
    ticks,
    fraction: (value) => (value - start) / (end - start),
    format: (value) => formatLinear(value, step),
  };
}

function niceStep(raw: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const normalised = raw / magnitude;
  const nice = normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10;
  return nice * magnitude;
}

function cleanFloat(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(value.toFixed(Math.min(decimals, 20)));
}

const SUPERSCRIPT: { [digit: string]: string } = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

function superscript(exponent: number): string {
  return [...String(exponent)].map((c) => SUPERSCRIPT[c] ?? c).join('');
}

function formatPowerOfTen(exponent: number): string {
  return exponent >= -2 && exponent <= 3 ? String(10 ** exponent) : `10${superscript(exponent)}`;
}

/** A value in three significant figures, in powers of ten when very large or small. */
export function formatCompact(value: number): string {
  if (value === 0 || !Number.isFinite(value)) return formatLinear(value, 1);
  const precise = Number(value.toPrecision(3));
  const size = Math.abs(precise);
  if (size >= 1e5 || size < 1e-3) return formatLinear(precise, 1);
  return String(precise).replace('-', '−');
}

function formatLinear(value: number, step: number): string {
  if (value === 0) return '0';
  const size = Math.abs(value);
  if (size >= 1e5 || size < 1e-3) {
    const exponent = Math.floor(Math.log10(size));
    const mantissa = Number((value / 10 ** exponent).toPrecision(3));
    const sign = mantissa < 0 ? '−' : '';
    const digits = Math.abs(mantissa) === 1 ? '' : `${Math.abs(mantissa)}×`;
    return `${sign}${digits}10${superscript(exponent)}`;
  }
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return value.toFixed(decimals).replace('-', '−');
}
