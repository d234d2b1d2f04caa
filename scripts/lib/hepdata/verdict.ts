import type { Diagnostic } from '../diagnostics/diagnostic.ts';

/**
 * What hepdata-validator would say about a file, in the four classes the interoperability tests
 * (and people comparing with HEPData) think in.
 */
export type HepdataVerdict = 'valid' | 'parse-error' | 'schema-invalid' | 'semantically-invalid';

const PARSE = new Set(['CAPSULE_HEPDATA_SYNTAX', 'CAPSULE_FILE_ENCODING', 'CAPSULE_HEPDATA_EMPTY']);
const SCHEMA = new Set(['CAPSULE_HEPDATA_SCHEMA', 'CAPSULE_HEPDATA_YAML11_NUMBER']);

export function hepdataVerdict(diagnostics: readonly Diagnostic[]): HepdataVerdict {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.some((d) => PARSE.has(d.code) || d.code.startsWith('CAPSULE_YAML_')))
    return 'parse-error';
  if (errors.some((d) => SCHEMA.has(d.code))) return 'schema-invalid';
  return errors.length > 0 ? 'semantically-invalid' : 'valid';
}
