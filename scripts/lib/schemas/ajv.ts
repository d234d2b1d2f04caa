import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import { IDENTIFIER_FORMATS } from '../identifiers/formats.ts';

/**
 * The one way Capsule builds its validator, on the command line, in CI and in the browser form,
 * so they never disagree: JSON Schema 2020-12, strict mode, every error reported, standard
 * formats plus the identifier formats with their check digits.
 */
export type { Ajv2020 };

// ajv-formats is CommonJS: its default export arrives as the module object or the function.
const addFormats = ((formatsModule as unknown as { default?: typeof formatsModule }).default ??
  formatsModule) as unknown as (ajv: Ajv2020, formats: string[]) => Ajv2020;

export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true, verbose: false });
  addFormats(ajv, ['date', 'date-time', 'email']);
  for (const format of IDENTIFIER_FORMATS) {
    ajv.addFormat(format.name, {
      type: 'string',
      validate: (value: string) => format.check(value).ok,
    });
  }
  return ajv;
}
