import { VALID, invalid } from './check.ts';
import type { IdentifierCheck } from './check.ts';

/** INSPIRE-HEP literature and CERN Document Server record ids: positive integers, written as strings. */
const RECORD_NUMBER = /^[1-9]\d{0,9}$/;

function checkRecordNumber(
  value: string,
  service: string,
  urlPattern: RegExp,
  example: string,
): IdentifierCheck {
  const fromUrl = urlPattern.exec(value);
  if (fromUrl) return invalid('is written as a URL', `Write the bare number: \`"${fromUrl[1]}"\`.`);
  if (!RECORD_NUMBER.test(value)) {
    return invalid(
      `is not a ${service} record number`,
      `Write the number from the record's address, e.g. \`"${example}"\`.`,
    );
  }
  return VALID;
}

export function checkInspire(value: string): IdentifierCheck {
  return checkRecordNumber(
    value,
    'INSPIRE',
    /^https?:\/\/inspirehep\.net\/(?:literature|record)\/(\d+)/,
    '1124337',
  );
}

export function checkCds(value: string): IdentifierCheck {
  return checkRecordNumber(value, 'CDS', /^https?:\/\/cds\.cern\.ch\/record\/(\d+)/, '1471031');
}
