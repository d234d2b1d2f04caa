import { describe, expect, it } from 'vitest';
import { LineIndex, locate, parseYaml, parseYamlStream } from '../../../scripts/lib/yaml/index.ts';

function issues(source: string) {
  return parseYaml(source).issues.map((issue) => ({
    kind: issue.kind,
    line: new LineIndex(source).position(issue.offset).line,
  }));
}

describe('parseYaml', () => {
  it('reads a mapping as YAML 1.2 core: numbers, booleans, null, and dates as strings', () => {
    const { value, issues: found } = parseYaml(
      'a: 1\nb: 1.5\nc: true\nd: ~\ne: 2024-01-31\nf: "7"\ng: yes\n',
    );
    expect(found).toEqual([]);
    expect(value).toEqual({ a: 1, b: 1.5, c: true, d: null, e: '2024-01-31', f: '7', g: 'yes' });
  });

  it('locates keys and values by JSON pointer, with 1-based lines and columns', () => {
    const source = 'title: x\npeople:\n  - given_name: Ada\n    orcid: 0000-0002-1825-0097\n';
    const { document } = parseYaml(source);
    const lines = new LineIndex(source);
    const orcid = locate(document!.root, '/people/0/orcid');
    expect(orcid?.exact).toBe(true);
    expect(lines.position(orcid!.node.start)).toEqual({ line: 4, column: 12 });
    expect(lines.position(orcid!.key!.start)).toEqual({ line: 4, column: 5 });
    const missing = locate(document!.root, '/people/0/family_name');
    expect(missing?.exact).toBe(false);
    expect(lines.position(missing!.node.start)).toEqual({ line: 3, column: 5 });
  });

  it('refuses anchors and aliases, and does not expand a billion-laughs bomb', () => {
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
      .concat(
        Array.from(
          { length: 8 },
          (_, i) =>
            `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
              .fill(`*${String.fromCharCode(97 + i)}`)
              .join(',')}]`,
        ),
      )
      .join('\n');
    const result = parseYaml(bomb);
    // The first is reported; the other 80 anchors and aliases are counted in its message.
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({
      kind: 'anchor',
      message: expect.stringContaining('80 more anchors or aliases'),
    });
    expect(JSON.stringify(result.value).length).toBeLessThan(10_000);
  });

  it('refuses explicit tags, whatever they name', () => {
    for (const source of [
      'f: !!js/function "function () {}"\n',
      'x: !!python/object:os.system ls\n',
      'n: !!str 12\n',
      'c: !custom thing\n',
    ]) {
      expect(issues(source)).toContainEqual({ kind: 'tag', line: 1 });
    }
  });

  it('refuses merge keys', () => {
    expect(issues('base: {a: 1}\nother:\n  <<: {a: 2}\n')).toContainEqual({
      kind: 'merge-key',
      line: 3,
    });
  });

  it('refuses a duplicate key and says where the first one was', () => {
    const result = parseYaml('title: one\nabstract: x\ntitle: two\n');
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]?.kind).toBe('duplicate-key');
    expect(result.issues[0]?.message).toContain('first on line 1');
    expect(result.value).toEqual({ title: 'one', abstract: 'x' });
  });

  it('keeps the last of duplicate keys, with a warning, when asked to read like HEPData', () => {
    const { documents, issues: found } = parseYamlStream(
      'dateupdated: 1\ndateupdated: 2\n---\nname: t\n',
      { duplicateKeys: 'last-wins' },
    );
    expect(documents.map((doc) => doc.value)).toEqual([{ dateupdated: 2 }, { name: 't' }]);
    expect(found).toMatchObject([{ kind: 'duplicate-key', severity: 'warning' }]);
  });

  it('never lets a key reach the object prototype', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const { value, issues: found } = parseYaml(`${key}:\n  polluted: true\nsafe: 1\n`);
      expect(found.map((issue) => issue.kind)).toEqual(['forbidden-key']);
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      expect(Object.keys(value as object)).toEqual(['safe']);
    }
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('refuses nesting deeper than the cap without building it', () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const result = parseYaml(deep);
    expect(result.issues.map((issue) => issue.kind)).toEqual(['too-deep']);
    expect(result.value).toBeUndefined();
  });

  it('refuses collection keys and a second document', () => {
    expect(issues('[a, b]: 1\n')).toContainEqual({ kind: 'complex-key', line: 1 });
    expect(issues('a: 1\n---\nb: 2\n')).toContainEqual({ kind: 'multiple-documents', line: 2 });
  });

  it('reports a syntax error with its line', () => {
    const result = parseYaml('title: ok\npeople:\n  - name: "unclosed\n');
    expect(result.value).toBeUndefined();
    expect(result.issues[0]?.kind).toBe('syntax');
    expect(
      new LineIndex('title: ok\npeople:\n  - name: "unclosed\n').position(result.issues[0]!.offset)
        .line,
    ).toBeGreaterThanOrEqual(3);
  });
});
