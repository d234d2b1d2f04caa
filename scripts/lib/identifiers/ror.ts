import { VALID, invalid } from './check.ts';
import type { IdentifierCheck } from './check.ts';

/**
 * ROR ids: a leading 0, six Crockford base32 characters, and two check digits computed with
 * ISO 7064 MOD 97-10 over the decoded number (as ror-api's generate_ror_id does).
 */
const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';
const SHAPE = /^0[0-9a-hjkmnp-tv-z]{6}\d{2}$/;

export function rorCheckDigits(sixCharacters: string): string {
  let number = 0;
  for (const character of sixCharacters) number = number * 32 + CROCKFORD.indexOf(character);
  return String(98 - ((number * 100) % 97)).padStart(2, '0');
}

export function checkRor(value: string): IdentifierCheck {
  if (/^https?:\/\/ror\.org\//.test(value)) {
    return invalid(
      'is written as a URL',
      `Write the bare id: \`${value.replace(/^https?:\/\/ror\.org\//, '')}\`.`,
    );
  }
  if (!SHAPE.test(value)) {
    return invalid(
      'is not shaped like a ROR id',
      'A ROR id is nine characters starting with 0, e.g. `01ggx4157` (CERN); find it on ror.org.',
    );
  }
  const expected = rorCheckDigits(value.slice(1, 7));
  if (value.slice(7) !== expected) {
    return invalid(
      `has bad check digits (expected ${expected}, found ${value.slice(7)})`,
      'The id is probably mistyped: copy it from ror.org.',
    );
  }
  return VALID;
}
