import { describe, expect, it } from 'vitest';
import { canonicalKey, deepEqual, diffValues } from '../../../scripts/lib/history/field-diff.ts';
import { applyChanges, revertChanges } from '../../../scripts/lib/history/patch.ts';

const person = (given: string, family: string, affiliation = 'CERN') => ({
  given_name: given,
  family_name: family,
  affiliations: [{ name: affiliation }],
});

describe('diffValues', () => {
  it('names a changed field by its JSON pointer, with the old and new value', () => {
    expect(diffValues({ title: 'A', version: '1' }, { title: 'B', version: '1' })).toEqual([
      { op: 'replace', path: '/title', value: 'B', oldValue: 'A' },
    ]);
  });

  it('goes down into mappings and reports added and removed fields', () => {
    expect(
      diffValues(
        { access: { level: 'collaboration', embargo_until: '2025-01-01' } },
        { access: { level: 'public' }, doi: '10.1000/x' },
      ),
    ).toEqual([
      { op: 'replace', path: '/access/level', value: 'public', oldValue: 'collaboration' },
      { op: 'remove', path: '/access/embargo_until', oldValue: '2025-01-01' },
      { op: 'add', path: '/doi', value: '10.1000/x' },
    ]);
  });

  it('reports a person added at the top of a list as one addition', () => {
    const before = { people: [person('Ada', 'Lovelace'), person('Emmy', 'Noether')] };
    const after = { people: [person('Grace', 'Hopper'), ...before.people] };
    expect(diffValues(before, after)).toEqual([
      { op: 'add', path: '/people/0', value: person('Grace', 'Hopper') },
    ]);
  });

  it('reports an edited list item field by field', () => {
    const before = { people: [person('Ada', 'Lovelace'), person('Emmy', 'Noether')] };
    const after = { people: [person('Ada', 'Lovelace'), person('Emmy', 'Noether', 'Erlangen')] };
    expect(diffValues(before, after)).toEqual([
      {
        op: 'replace',
        path: '/people/1/affiliations/0/name',
        value: 'Erlangen',
        oldValue: 'CERN',
      },
    ]);
  });

  it('ignores the order of a mapping’s keys and escapes pointers', () => {
    expect(diffValues({ a: 1, b: { 'x/y': 1 } }, { b: { 'x/y': 1 }, a: 1 })).toEqual([]);
    expect(diffValues({ 'x/y': 1, 'a~b': 1 }, { 'x/y': 2, 'a~b': 1 })).toEqual([
      { op: 'replace', path: '/x~1y', value: 2, oldValue: 1 },
    ]);
    expect(canonicalKey({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe(
      canonicalKey({ a: [1, { c: 3, d: 2 }], b: 1 }),
    );
    expect(deepEqual([1, 2], { 0: 1, 1: 2 })).toBe(false);
  });

  it('treats a change of type as a replacement', () => {
    expect(diffValues({ year: '2016' }, { year: 2016 })).toEqual([
      { op: 'replace', path: '/year', value: 2016, oldValue: '2016' },
    ]);
    expect(diffValues({ a: [1] }, { a: { 0: 1 } })).toEqual([
      { op: 'replace', path: '/a', value: { 0: 1 }, oldValue: [1] },
    ]);
  });

  it('describes creation and deletion of the whole value', () => {
    expect(diffValues(undefined, { a: 1 })).toEqual([{ op: 'add', path: '', value: { a: 1 } }]);
    expect(diffValues({ a: 1 }, undefined)).toEqual([
      { op: 'remove', path: '', oldValue: { a: 1 } },
    ]);
  });
});

/** A deterministic generator of JSON-like records and edits of them. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function mutate(value: unknown, rand: () => number, depth = 0): unknown {
  if (Array.isArray(value)) {
    const copy = value.map((item) => (rand() < 0.3 ? mutate(item, rand, depth + 1) : item));
    if (rand() < 0.3)
      copy.splice(Math.floor(rand() * (copy.length + 1)), 0, generate(rand, depth + 1));
    if (rand() < 0.3 && copy.length > 0) copy.splice(Math.floor(rand() * copy.length), 1);
    if (rand() < 0.2) copy.reverse();
    return copy;
  }
  if (value && typeof value === 'object') {
    const copy: { [key: string]: unknown } = {};
    for (const [key, item] of Object.entries(value)) {
      const roll = rand();
      if (roll < 0.1) continue;
      copy[key] = roll < 0.4 ? mutate(item, rand, depth + 1) : item;
    }
    if (rand() < 0.3) copy[`k${Math.floor(rand() * 8)}`] = generate(rand, depth + 1);
    return copy;
  }
  return rand() < 0.5 ? generate(rand, depth + 1) : value;
}

function generate(rand: () => number, depth: number): unknown {
  const roll = rand();
  if (depth > 3 || roll < 0.4)
    return roll < 0.2 ? Math.floor(rand() * 5) : `s${Math.floor(rand() * 5)}`;
  if (roll < 0.7)
    return Array.from({ length: Math.floor(rand() * 5) }, () => generate(rand, depth + 1));
  return Object.fromEntries(
    Array.from({ length: Math.floor(rand() * 5) }, (_, i) => [`k${i}`, generate(rand, depth + 1)]),
  );
}

describe('applyChanges and revertChanges', () => {
  it('turn each of 500 random versions into the next and back', () => {
    const rand = random(7);
    for (let round = 0; round < 500; round++) {
      const before = generate(rand, 0);
      const after = mutate(before, rand);
      const changes = diffValues(before, after);
      expect(applyChanges(before, changes)).toEqual(after);
      expect(revertChanges(after, changes)).toEqual(before);
    }
  });

  it('leave their input untouched and refuse a change that does not fit', () => {
    const before = { people: [{ family_name: 'Lovelace' }] };
    const changes = diffValues(before, { people: [{ family_name: 'Hopper' }] });
    applyChanges(before, changes);
    expect(before).toEqual({ people: [{ family_name: 'Lovelace' }] });
    expect(() => applyChanges({ people: [] }, changes)).toThrow(
      'The change at /people/0/family_name is past the end of the list.',
    );
  });
});
