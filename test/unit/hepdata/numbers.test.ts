import { describe, expect, it } from 'vitest';
import {
  absoluteUncertainty,
  hepdataNumber,
  pyyamlReadsAsNumber,
  uncertaintyAmount,
  yaml11Spelling,
} from '../../../scripts/lib/hepdata/numbers.ts';

describe('HEPData numbers', () => {
  it('reads numbers written as text the way Python float() does', () => {
    expect(hepdataNumber('7000.0')).toBe(7000);
    expect(hepdataNumber(' 1e-3 ')).toBe(0.001);
    expect(hepdataNumber('-inf')).toBe(-Infinity);
    expect(hepdataNumber('1_000')).toBe(1000);
    expect(hepdataNumber('2.300e-003f')).toBeUndefined();
    expect(hepdataNumber('')).toBeUndefined();
    expect(hepdataNumber('800 - 1000')).toBeUndefined();
  });

  it('reads percentages relative to the central value', () => {
    expect(uncertaintyAmount('5%')).toEqual({ amount: 5, percent: true });
    expect(uncertaintyAmount('-0.2%')).toEqual({ amount: -0.2, percent: true });
    expect(uncertaintyAmount(0.4)).toEqual({ amount: 0.4, percent: false });
    expect(uncertaintyAmount('')).toBeUndefined();
    expect(absoluteUncertainty({ amount: 5, percent: true }, -200)).toBe(10);
    expect(absoluteUncertainty({ amount: 5, percent: true }, undefined)).toBeUndefined();
  });

  it('knows which plain scalars PyYAML (YAML 1.1) reads as text', () => {
    expect(pyyamlReadsAsNumber('1.0e+3')).toBe(true);
    expect(pyyamlReadsAsNumber('7000')).toBe(true);
    expect(pyyamlReadsAsNumber('-.inf')).toBe(true);
    expect(pyyamlReadsAsNumber('1e3')).toBe(false);
    expect(pyyamlReadsAsNumber('1.0e3')).toBe(false);
    expect(yaml11Spelling('1e-3')).toBe('1.0e-3');
    expect(yaml11Spelling('2.5E4')).toBe('2.5e+4');
  });
});
