/**
 * Numbers as HEPData files write them. HEPData reads its YAML with PyYAML, so values arrive as
 * numbers or as text that Python's `float()` understands (`'7000.0'`, `'1e-3'`), and
 * uncertainties may be percentages of the central value (`5%`, `-0.2%`).
 */

const DECIMAL = /^[+-]?(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?$/;
const SPECIAL = /^[+-]?(?:inf|infinity|nan)$/i;

/** A value as a number, the way Python's `float()` would read it; undefined for anything else. */
export function hepdataNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (DECIMAL.test(text) && !/_$|_\.|\._|__/.test(text)) return Number(text.replace(/_/g, ''));
  if (SPECIAL.test(text)) {
    if (/nan/i.test(text)) return Number.NaN;
    return text.startsWith('-') ? -Infinity : Infinity;
  }
  return undefined;
}

/** An uncertainty as written: an absolute number or a percentage of the central value. */
export interface UncertaintyAmount {
  amount: number;
  percent: boolean;
}

/** Reads `0.45`, `'0.45'`, `5%` or `-0.2%`; undefined when it is neither a number nor a percentage. */
export function uncertaintyAmount(value: unknown): UncertaintyAmount | undefined {
  if (typeof value === 'string' && value.includes('%')) {
    // HEPData strips every `%` before reading the number; so does Capsule.
    const amount = hepdataNumber(value.replace(/%/g, ''));
    return amount === undefined ? undefined : { amount, percent: true };
  }
  const amount = hepdataNumber(value);
  return amount === undefined ? undefined : { amount, percent: false };
}

/** The uncertainty in the units of the value (percentages taken of the central value). */
export function absoluteUncertainty(
  amount: UncertaintyAmount,
  central: number | undefined,
): number | undefined {
  if (!amount.percent) return amount.amount;
  if (central === undefined || !Number.isFinite(central)) return undefined;
  return (Math.abs(central) * amount.amount) / 100;
}

// PyYAML resolves plain scalars with YAML 1.1's rules: a float needs a dot, an exponent needs a
// sign; `012` is octal and `1_000` an integer. Anything else is a string to HEPData.
const PYYAML_INT =
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const PYYAML_FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** Whether PyYAML (and so HEPData) reads this plain scalar as a number. */
export function pyyamlReadsAsNumber(plain: string): boolean {
  return PYYAML_INT.test(plain) || PYYAML_FLOAT.test(plain);
}

/** How to write a number so that YAML 1.1 and 1.2 readers both see a float: `1e-3` → `1.0e-3`. */
export function yaml11Spelling(plain: string): string {
  const match = /^([-+]?)(\d+)(?:\.(\d*))?[eE]([-+]?)(\d+)$/.exec(plain);
  if (!match) return plain;
  const [, sign, whole, fraction, expSign, exponent] = match;
  return `${sign}${whole}.${fraction || '0'}e${expSign || '+'}${exponent}`;
}
