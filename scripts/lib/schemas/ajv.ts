import { Ajv2020 } from 'ajv/dist/2020.js';
import type { CodeOptions } from 'ajv/dist/2020.js';
import { CAPSULE_FORMATS } from './formats.ts';

/**
 * The one way Capsule builds its validator, on the command line, in CI and for the browser form,
 * so they never disagree: JSON Schema 2020-12, strict mode, every error reported, standard
 * formats plus the identifier formats with their check digits (formats.ts). The form's
 * validators are compiled ahead of time from this same configuration (standalone.ts), with
 * `code` options that make ajv emit module source instead of functions.
 */
export type { Ajv2020 };

export function createAjv(options: { code?: CodeOptions } = {}): Ajv2020 {
  const ajv = new Ajv2020({
    strict: true,
    allErrors: true,
    verbose: false,
    ...(options.code ? { code: options.code } : {}),
  });
  for (const [name, format] of Object.entries(CAPSULE_FORMATS)) ajv.addFormat(name, format);
  return ajv;
}
