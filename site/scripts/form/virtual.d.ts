// The submission form's validators, compiled ahead of time by the site build
// (scripts/lib/site/form-validators-plugin.ts).
declare module 'virtual:capsule/form-validators' {
  import type { ValidateFunction } from 'ajv/dist/2020.js';
  export const validators: { [ref: string]: () => Promise<ValidateFunction> };
}
