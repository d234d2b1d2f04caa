import type { IdentifierCheck } from './check.ts';
import { checkArxiv } from './arxiv.ts';
import { checkDoi } from './doi.ts';
import { checkOrcid } from './orcid.ts';
import { checkCds, checkInspire } from './record-number.ts';
import { checkRor } from './ror.ts';
import { checkDatasetUri, checkHttpsUrl } from './url.ts';

/**
 * The custom JSON Schema formats Capsule's schemas use, each with the diagnostic code a failure
 * reports. The same table feeds ajv on the command line, in CI and in the browser form.
 */
export interface IdentifierFormat {
  name: string;
  label: string;
  code: string;
  check: (value: string) => IdentifierCheck;
}

export const IDENTIFIER_FORMATS: readonly IdentifierFormat[] = [
  { name: 'orcid', label: 'ORCID iD', code: 'CAPSULE_INVALID_ORCID', check: checkOrcid },
  { name: 'ror', label: 'ROR id', code: 'CAPSULE_INVALID_ROR', check: checkRor },
  { name: 'doi', label: 'DOI', code: 'CAPSULE_INVALID_DOI', check: checkDoi },
  { name: 'arxiv', label: 'arXiv id', code: 'CAPSULE_INVALID_ARXIV', check: checkArxiv },
  {
    name: 'inspire',
    label: 'INSPIRE record id',
    code: 'CAPSULE_INVALID_INSPIRE',
    check: checkInspire,
  },
  { name: 'cds', label: 'CDS record id', code: 'CAPSULE_INVALID_CDS', check: checkCds },
  { name: 'https-url', label: 'link', code: 'CAPSULE_INVALID_URL', check: checkHttpsUrl },
  {
    name: 'dataset-uri',
    label: 'dataset location',
    code: 'CAPSULE_INVALID_URL',
    check: checkDatasetUri,
  },
];

export function identifierFormat(name: string): IdentifierFormat | undefined {
  return IDENTIFIER_FORMATS.find((format) => format.name === name);
}
