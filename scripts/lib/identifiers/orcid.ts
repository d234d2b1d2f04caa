import { VALID, invalid } from './check.ts';
import type { IdentifierCheck } from './check.ts';

/** ORCID iDs: sixteen characters in four groups, the last a ISO 7064 MOD 11-2 check character. */
const SHAPE = /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/;

export function orcidCheckCharacter(firstFifteenDigits: string): string {
  let total = 0;
  for (const digit of firstFifteenDigits) total = (total + Number(digit)) * 2;
  const result = (12 - (total % 11)) % 11;
  return result === 10 ? 'X' : String(result);
}

export function checkOrcid(value: string): IdentifierCheck {
  if (/^https?:\/\/(www\.)?orcid\.org\//.test(value)) {
    return invalid(
      'is written as a URL',
      `Write the bare iD: \`${value.replace(/^https?:\/\/(www\.)?orcid\.org\//, '')}\`.`,
    );
  }
  if (!SHAPE.test(value)) {
    return invalid(
      'is not shaped like an ORCID iD',
      'An ORCID iD is four groups of four digits, e.g. `0000-0002-1825-0097`; the last character may be X.',
    );
  }
  const digits = value.replace(/-/g, '');
  const expected = orcidCheckCharacter(digits.slice(0, 15));
  if (digits[15] !== expected) {
    return invalid(
      `has a bad check digit (expected ${expected}, found ${digits[15]})`,
      "The iD is probably mistyped: copy it from the person's orcid.org page.",
    );
  }
  return VALID;
}
