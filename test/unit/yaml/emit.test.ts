import { describe, expect, it } from 'vitest';
import { emitYaml, parseYaml } from '../../../scripts/lib/yaml/index.ts';
import type { MapEntry } from '../../../scripts/lib/yaml/index.ts';

function roundTrip(source: string, sort = false): string {
  const { document, issues } = parseYaml(source, { trivia: true });
  expect(issues).toEqual([]);
  const byKey = (_path: unknown, entries: MapEntry[]) =>
    [...entries].sort((a, b) => String(a.key.value).localeCompare(String(b.key.value)));
  return emitYaml(document!, sort ? { orderEntries: byKey } : {});
}

const CANONICAL = `# Record header

$schema: cms-analysis/1.0.0 # the schema
title: "A \\"quoted\\" title"
abstract: >
  Folded text
  continues here.

# The people
people:
  - given_name: Ada # first
    family_name: Lovelace
    roles:
      - analyst
  # the second person
  - given_name: Bob
    family_name: Smith
keywords: []
code: |
  void macro() {
    return;
  }
version: '1'
# the end
`;

describe('emitYaml', () => {
  it('writes a canonical file back unchanged', () => {
    expect(roundTrip(CANONICAL)).toBe(CANONICAL);
  });

  it('is idempotent and keeps the value whatever the input layout', () => {
    const messy =
      'b:    [1, 2, {c: d}]\na:\n    x:   "y"\n    z: |-\n        keep\n          indent\nlong: word\n  continued\n';
    const once = roundTrip(messy);
    expect(roundTrip(once)).toBe(once);
    expect(parseYaml(once).value).toEqual(parseYaml(messy).value);
    expect(once).toBe(
      'b:\n  - 1\n  - 2\n  - c: d\na:\n  x: "y"\n  z: |-\n    keep\n      indent\nlong: word continued\n',
    );
  });

  it('moves comments and blank lines with their keys when reordering', () => {
    const source = '# header\n\nzeta: 1 # about zeta\n\n# about alpha\nalpha:\n  - x\n';
    expect(roundTrip(source, true)).toBe(
      '# header\n\n# about alpha\nalpha:\n  - x\nzeta: 1 # about zeta\n',
    );
  });

  it('does not mistake a # inside a string or block for a comment', () => {
    const source = 'a: "x # y"\nb: |\n  # not a comment\n  line\nc: d#e\n';
    expect(roundTrip(source)).toBe(source);
  });

  it('quotes new strings that other YAML readers would take for something else', () => {
    const { document } = parseYaml('{}', { trivia: true });
    document!.root = {
      kind: 'map',
      flow: false,
      start: -1,
      end: -1,
      entries: [
        '007',
        'yes',
        'true',
        '1e3',
        'null',
        ': x',
        '#x',
        'plain text',
        'multi\nline\n',
        '',
      ].map((value, index) => ({
        key: { kind: 'scalar', value: `k${index}`, style: 'plain', start: -1, end: -1 },
        value: { kind: 'scalar', value, style: 'plain', start: -1, end: -1 },
        trivia: { leading: [] },
      })),
    };
    const text = emitYaml(document!);
    expect(text).toBe(
      "k0: '007'\nk1: 'yes'\nk2: 'true'\nk3: '1e3'\nk4: 'null'\nk5: ': x'\nk6: '#x'\nk7: plain text\nk8: |\n  multi\n  line\nk9: ''\n",
    );
    expect(parseYaml(text).value).toEqual({
      k0: '007',
      k1: 'yes',
      k2: 'true',
      k3: '1e3',
      k4: 'null',
      k5: ': x',
      k6: '#x',
      k7: 'plain text',
      k8: 'multi\nline\n',
      k9: '',
    });
  });
});
