import { describe, expect, it } from 'vitest';
import { validateHepdataTableFile } from '../../../scripts/lib/hepdata/validate-file.ts';

const table = (independent: string, dependent: string) =>
  Buffer.from(
    `independent_variables:\n  - header: {name: X, units: GEV}\n    values:\n${independent}\ndependent_variables:\n  - header: {name: Y}\n    values:\n${dependent}\n`,
  );
const codes = (bytes: Uint8Array) =>
  validateHepdataTableFile('t.yaml', bytes).map((d) => `${d.severity} ${d.code} ${d.line}`);

describe('HEPData table checks', () => {
  it('accepts percent uncertainties and numbers written as text', () => {
    const bytes = table(
      `      - {low: 0, high: 1}\n      - {value: '2.5'}`,
      `      - {value: '5.7', errors: [{symerror: 5%}]}\n      - {value: 3, errors: [{asymerror: {plus: 0.3%, minus: -0.2%}}]}`,
    );
    expect(codes(bytes)).toEqual([]);
  });

  it('refuses a bin edge HEPData would read as text (YAML 1.1)', () => {
    const bytes = table(`      - {low: 1e3, high: 2.0e+3}`, `      - {value: 1}`);
    const diagnostics = validateHepdataTableFile('t.yaml', bytes);
    expect(diagnostics.map((d) => d.code)).toEqual(['CAPSULE_HEPDATA_YAML11_NUMBER']);
    expect(diagnostics[0]!.hint).toContain('low: 1.0e+3');
  });

  it('warns about a bin whose edges are the wrong way round', () => {
    expect(codes(table(`      - {low: 5, high: 1}`, `      - {value: 1}`))).toEqual([
      'warning CAPSULE_HEPDATA_BIN_ORDER 4',
    ]);
  });

  it('reports repeated all-zero uncertainties a few times, then counts the rest', () => {
    const rows = Array.from({ length: 9 }, (_, i) => `      - {value: ${i}}`).join('\n');
    const values = Array.from(
      { length: 9 },
      () => `      - {value: 1, errors: [{symerror: 0}]}`,
    ).join('\n');
    const diagnostics = validateHepdataTableFile('t.yaml', table(rows, values));
    expect(diagnostics).toHaveLength(6);
    expect(diagnostics.map((d) => d.message)).toContain(
      '4 more values of dependent_variables[0] have only zero uncertainties.',
    );
  });

  it('says which half of an uncertainty is wrong instead of "must match exactly one schema"', () => {
    const bytes = table(
      `      - {value: 1}`,
      `      - {value: 1, errors: [{symerror: 1, asymerror: {plus: 1, minus: -1}}]}`,
    );
    const [diagnostic] = validateHepdataTableFile('t.yaml', bytes);
    expect(diagnostic?.message).toContain('has both `symerror` and `asymerror`');
  });

  it('refuses an empty data file and an alias, as Capsule refuses them everywhere', () => {
    expect(codes(Buffer.from('# nothing\n'))).toEqual(['error CAPSULE_HEPDATA_EMPTY 1']);
    expect(codes(Buffer.from('a: &x 1\nb: *x\n'))).toContain('error CAPSULE_YAML_ALIAS 1');
  });
});
