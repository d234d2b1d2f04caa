import { NOT_RESOLVED, boolCoreTag, floatCoreTag, intCoreTag, nullCoreTag } from 'js-yaml';

/**
 * Resolves a plain scalar the way YAML 1.2's core schema does: null, booleans, integers, floats,
 * everything else a string. Quoted and block scalars are always strings.
 */
const CORE_TAGS = [nullCoreTag, boolCoreTag, intCoreTag, floatCoreTag];

/** First characters a plain scalar can have when it is not a string (null, bool, int, float). */
const NON_STRING_START = /^[-+.0-9~nNtTfF]?$/;

export function resolvePlainScalar(text: string): string | number | boolean | null {
  if (!NON_STRING_START.test(text.charAt(0))) return text;
  for (const tag of CORE_TAGS) {
    const value = tag.resolve(text, false, tag.tagName);
    if (value !== NOT_RESOLVED) return value as number | boolean | null;
  }
  return text;
}

/**
 * Words YAML 1.1 readers (PyYAML, used by HEPData and REANA) take as booleans or null. Capsule's
 * writer quotes them so a file means the same thing to every reader.
 */
const YAML11_WORDS = new Set(
  ['y', 'yes', 'n', 'no', 'on', 'off', 'true', 'false', 'null', '~'].flatMap((word) => [
    word,
    word.toUpperCase(),
    word[0]?.toUpperCase() + word.slice(1),
  ]),
);

const INDICATORS = new Set([...'-?:,[]{}#&*!|>\'"%@`']);
const YAML11_NUMBER =
  /^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9]+|0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?)$/;

/** Whether a string can be written without quotes and read back as the same string everywhere. */
export function isPlainSafe(text: string): boolean {
  if (text === '' || text.trim() !== text) return false;
  if (INDICATORS.has(text[0] ?? '')) return false;
  if (/[\u0000-\u001f\u007f\u0085\u2028\u2029\ufeff]/.test(text)) return false;
  if (text.includes(': ') || text.includes(' #') || text.endsWith(':')) return false;
  if (typeof resolvePlainScalar(text) !== 'string') return false;
  if (YAML11_WORDS.has(text) || YAML11_NUMBER.test(text)) return false;
  return true;
}

/** Writes a one-line string as a YAML scalar: plain when safe, else quoted. */
export function formatInlineString(text: string): string {
  if (isPlainSafe(text)) return text;
  if (!/[\u0000-\u001f\u007f\u0085\u2028\u2029\ufeff\\]/.test(text) && !text.includes("'")) {
    return `'${text}'`;
  }
  return JSON.stringify(text);
}

/** Writes a key of a mapping. */
export function formatKey(key: string): string {
  return formatInlineString(key);
}

/** Writes a number, boolean or null as YAML 1.2 core schema reads it. */
export function formatNonString(value: number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Number.isNaN(value)) return '.nan';
  if (value === Infinity) return '.inf';
  if (value === -Infinity) return '-.inf';
  return String(value);
}
