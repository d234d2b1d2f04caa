import { VALID, invalid } from './check.ts';
import type { IdentifierCheck } from './check.ts';

/** DOIs, bare: `10.` + registrant code + `/` + suffix (the Crossref pattern, case-insensitive). */
const SHAPE = /^10\.\d{4,9}(\.\d+)*\/[-._;()/:a-z0-9<>[\]+]+$/i;
const PREFIXED = /^(doi:\s*|https?:\/\/(dx\.)?doi\.org\/)/i;

export function normaliseDoi(value: string): string {
  return value.replace(PREFIXED, '').toLowerCase();
}

export function checkDoi(value: string): IdentifierCheck {
  if (PREFIXED.test(value)) {
    return invalid('has a prefix', `Write the bare DOI: \`${value.replace(PREFIXED, '')}\`.`);
  }
  if (/\s/.test(value)) return invalid('contains spaces', 'Remove the spaces; a DOI has none.');
  if (!SHAPE.test(value)) {
    return invalid(
      'is not shaped like a DOI',
      'A DOI looks like `10.1016/j.physletb.2012.08.021`: `10.`, a number, `/`, a suffix.',
    );
  }
  return VALID;
}
