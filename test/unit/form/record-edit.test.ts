import { describe, expect, it } from 'vitest';
import {
  addItem,
  clearValue,
  moveItem,
  parseNumber,
  removeItem,
  setValue,
  valueAt,
} from '../../../scripts/lib/form/record-edit.ts';

describe("the form's edits to a record", () => {
  it('sets a nested field, making the sections and lists on the way', () => {
    const data = {};
    setValue(data, ['collision', 'integrated_luminosity', 'value'], 35.9);
    setValue(data, ['people', 0, 'orcid'], '0000-0002-1825-0097');
    expect(data).toEqual({
      collision: { integrated_luminosity: { value: 35.9 } },
      people: [{ orcid: '0000-0002-1825-0097' }],
    });
    expect(valueAt(data, ['people', 0, 'orcid'])).toBe('0000-0002-1825-0097');
  });

  it('removes a cleared field and the sections it leaves empty, but not list items', () => {
    const data = {
      collision: { integrated_luminosity: { value: 1 } },
      people: [{ given_name: 'A' }],
    };
    clearValue(data, ['collision', 'integrated_luminosity', 'value']);
    clearValue(data, ['people', 0, 'given_name']);
    expect(data).toEqual({ people: [{}] });
  });

  it('keeps a section that still has other fields', () => {
    const data = { access: { level: 'public', embargo_until: '2030-01-01' } };
    clearValue(data, ['access', 'embargo_until']);
    expect(data).toEqual({ access: { level: 'public' } });
  });

  it('adds, moves and removes list items; an emptied list goes', () => {
    const data: { [key: string]: unknown } = {};
    expect(addItem(data, ['keywords'], 'a')).toBe(0);
    expect(addItem(data, ['keywords'], 'b')).toBe(1);
    addItem(data, ['keywords'], 'c');
    moveItem(data, ['keywords'], 2, 0);
    expect(data.keywords).toEqual(['c', 'a', 'b']);
    moveItem(data, ['keywords'], 0, 5);
    expect(data.keywords).toEqual(['c', 'a', 'b']);
    removeItem(data, ['keywords'], 1);
    expect(data.keywords).toEqual(['c', 'b']);
    removeItem(data, ['keywords'], 0);
    removeItem(data, ['keywords'], 0);
    expect(data).toEqual({});
  });

  it('reads numbers from number boxes and keeps anything else as typed', () => {
    expect(parseNumber('13')).toBe(13);
    expect(parseNumber(' 5.02 ')).toBe(5.02);
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber('-.5')).toBe(-0.5);
    expect(parseNumber('13 TeV')).toBe('13 TeV');
    expect(parseNumber('1e')).toBe('1e');
  });
});
