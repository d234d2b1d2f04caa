import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSchemas } from '../../../scripts/lib/schemas/load-schemas.ts';
import { rootNode } from '../../../scripts/lib/schemas/walk.ts';
import { MetadataFile } from '../../../scripts/lib/records/source.ts';
import { schemaDiagnostics } from '../../../scripts/lib/validate/schema-diagnostics.ts';
import { parseYaml } from '../../../scripts/lib/yaml/index.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';

/**
 * One table test over test/fixtures/schemas/<name>/<version>/{valid,invalid}/ (SchemaStore's
 * layout): every valid file passes its schema; every invalid file fails with exactly the one
 * error its first line announces (`# expect: <keyword> <pointer>`), and that error becomes a
 * diagnostic placed on a real line.
 */
const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/schemas');
const { registry, diagnostics: loadProblems } = await loadSchemas(REPO_ROOT);

function cases(kind: 'valid' | 'invalid') {
  const out: Array<{ ref: string; file: string }> = [];
  for (const name of readdirSync(FIXTURES).filter((entry) => !entry.includes('.'))) {
    for (const version of readdirSync(path.join(FIXTURES, name))) {
      const dir = path.join(FIXTURES, name, version, kind);
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')))
        out.push({ ref: `${name}/${version}`, file: path.join(dir, file) });
    }
  }
  return out;
}

describe('schemas', () => {
  it('load and compile without problems', () => {
    expect(loadProblems).toEqual([]);
    for (const name of registry.recordSchemaNames())
      expect(() => registry.validator(registry.latest(name)!)).not.toThrow();
  });

  it('have fixtures for every record schema, valid and invalid', () => {
    for (const name of registry.recordSchemaNames()) {
      expect(
        cases('valid').filter((c) => c.ref.startsWith(`${name}/`)).length,
        name,
      ).toBeGreaterThanOrEqual(2);
      expect(
        cases('invalid').filter((c) => c.ref.startsWith(`${name}/`)).length,
        name,
      ).toBeGreaterThanOrEqual(5);
    }
  });
});

describe.each(cases('valid'))('valid fixture $file', ({ ref, file }) => {
  it('passes its schema', () => {
    const { value, issues } = parseYaml(readFileSync(file, 'utf8'));
    expect(issues).toEqual([]);
    const validate = registry.validator(ref);
    validate(value);
    expect(validate.errors ?? []).toEqual([]);
  });
});

describe.each(cases('invalid'))('invalid fixture $file', ({ ref, file }) => {
  it('fails with exactly the announced error, placed on a line', () => {
    const text = readFileSync(file, 'utf8');
    const expectation = /^# expect: (\S+) (\S*)/.exec(text);
    expect(expectation, 'first line must be `# expect: <keyword> <pointer>`').not.toBeNull();
    const [, keyword, pointer] = expectation as RegExpExecArray;
    const { value, issues } = parseYaml(text);
    expect(issues).toEqual([]);
    const validate = registry.validator(ref);
    expect(validate(value)).toBe(false);
    const errors = validate.errors ?? [];
    // An unknown key is named by its own pointer; every other error by the value it is about.
    const where = (e: (typeof errors)[number]) =>
      e.keyword === 'additionalProperties'
        ? `${e.instancePath}/${String(e.params.additionalProperty)}`
        : e.instancePath;
    expect(errors.map((e) => `${e.keyword} ${where(e)}`)).toEqual([`${keyword} ${pointer}`]);
    const diagnostics = schemaDiagnostics(errors, {
      file: new MetadataFile(path.relative(REPO_ROOT, file), text),
      data: value,
      registry,
      root: rootNode(registry, ref)!,
      draft: false,
    });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.line).toBeGreaterThan(1);
    expect(diagnostics[0]!.hint).not.toBe('');
  });
});
