import type { FormatDefinition } from 'ajv/dist/2020.js';
import * as standardFormats from 'ajv-formats/dist/formats.js';
import { IDENTIFIER_FORMATS } from '../identifiers/formats.ts';

/**
 * Every JSON Schema format Capsule's schemas may use, by name: the standard ones from ajv-formats
 * (full mode) and the identifier formats with their check digits. ajv gets them from here on the
 * command line and in CI, and the browser form's precompiled validators import this very module
 * (see standalone.ts), so a value one accepts the other accepts.
 */
export type CapsuleFormat = FormatDefinition<string> | RegExp;

// ajv-formats is CommonJS: depending on the loader, its exports arrive as named exports or on `default`.
const formatsModule = standardFormats as unknown as {
  default?: typeof standardFormats;
  fullFormats?: typeof standardFormats.fullFormats;
};
const full = (formatsModule.fullFormats ?? formatsModule.default?.fullFormats) as unknown as {
  [name: string]: CapsuleFormat;
};

const STANDARD = ['date', 'date-time', 'email'] as const;

export const CAPSULE_FORMATS: { readonly [name: string]: CapsuleFormat } = Object.freeze({
  ...Object.fromEntries(STANDARD.map((name) => [name, full[name] as CapsuleFormat])),
  ...Object.fromEntries(
    IDENTIFIER_FORMATS.map((format) => [
      format.name,
      {
        type: 'string',
        validate: (value: string) => format.check(value).ok,
      } satisfies CapsuleFormat,
    ]),
  ),
});
