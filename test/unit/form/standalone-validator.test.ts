import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import { formDiagnostics } from '../../../scripts/lib/form/form-diagnostics.ts';
import {
  readMarkdownMetadata,
  readYamlMetadata,
} from '../../../scripts/lib/records/read-metadata.ts';
import { loadSchemas } from '../../../scripts/lib/schemas/load-schemas.ts';
import { schemaLookup } from '../../../scripts/lib/schemas/lookup.ts';
import { standaloneValidatorSource } from '../../../scripts/lib/schemas/standalone.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';

/**
 * The browser form's validators are ajv's standalone code, compiled at build time (the site's
 * CSP forbids compiling in the page). They must judge every record exactly as `capsule validate`
 * does: same errors, same messages.
 */
const { registry } = await loadSchemas(REPO_ROOT);
const lookup = schemaLookup(registry.documents);
const require = createRequire(import.meta.url);
const scratch = await mkdtemp(path.join(tmpdir(), 'capsule-standalone-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const compiled = new Map<string, ValidateFunction>();
async function standalone(ref: string): Promise<ValidateFunction> {
  const known = compiled.get(ref);
  if (known) return known;
  const source = standaloneValidatorSource(registry.documents, ref, {
    formats: path.join(REPO_ROOT, 'scripts/lib/schemas/formats.ts'),
    runtime: (name) => require.resolve(`ajv/dist/runtime/${name}`),
  });
  const file = path.join(scratch, `${ref.replace(/\W/g, '-')}.mjs`);
  await writeFile(file, source);
  const validate = ((await import(pathToFileURL(file).href)) as { validate: ValidateFunction })
    .validate;
  compiled.set(ref, validate);
  return validate;
}

async function sampleRecords(): Promise<Array<{ file: string; data: { [key: string]: unknown } }>> {
  const entries = await readdir(path.join(REPO_ROOT, 'content'), { recursive: true });
  const out = [];
  for (const entry of entries.filter((name) => /(^|\/)record\.(yaml|md)$/.test(name)).sort()) {
    const file = `content/${entry}`;
    const bytes = await readFile(path.join(REPO_ROOT, file));
    const read = file.endsWith('.md')
      ? readMarkdownMetadata(file, bytes)
      : readYamlMetadata(file, bytes);
    out.push({ file, data: read.data ?? {} });
  }
  return out;
}

function judge(validate: ValidateFunction, data: unknown) {
  const valid = validate(data);
  return {
    valid,
    errors: (validate.errors ?? []).map(({ instancePath, keyword, params, message }) => ({
      instancePath,
      keyword,
      params,
      message,
    })),
  };
}

type Record_ = { [key: string]: unknown } & { people: Array<{ [key: string]: unknown }> };

const MUTATIONS: Array<[string, (data: Record_) => void]> = [
  [
    'a bad ORCID check digit',
    (data) => ((data.people[0] as { orcid?: string }).orcid = '0000-0002-1825-0098'),
  ],
  ['a DOI with a URL prefix', (data) => (data.doi = 'https://doi.org/10.1000/xyz')],
  ['a missing title', (data) => delete data.title],
  ['a number where text belongs', (data) => (data.version = 2)],
  ['a misspelt key', (data) => (data.keywrods = ['x'])],
  ['a value outside an enum', (data) => (data.access = { level: 'secret' })],
  ['an impossible date', (data) => (data.created = '2023-02-30')],
  [
    'a non-https link',
    (data) => (data.links = [{ title: 'Old page', url: 'http://example.org/' }]),
  ],
];

describe("the form's precompiled validators", () => {
  it('judge every sample record, and broken copies of it, as the command line does', async () => {
    const records = await sampleRecords();
    expect(records.length).toBeGreaterThan(10);
    for (const { file, data } of records) {
      const ref = data.$schema as string;
      const cli = registry.validator(ref);
      const form = await standalone(ref);
      expect(judge(form, data), file).toEqual(judge(cli, data));
      expect(judge(form, data).valid, file).toBe(true);
      for (const [what, mutate] of MUTATIONS) {
        const broken = structuredClone(data) as Record_;
        mutate(broken);
        const expected = judge(cli, broken);
        expect(expected.valid, `${file}: ${what}`).toBe(false);
        expect(judge(form, broken), `${file}: ${what}`).toEqual(expected);
      }
    }
  });

  it('give the messages and hints of `capsule validate`', async () => {
    const validate = await standalone('cms-analysis/1.0.0');
    const data = {
      $schema: 'cms-analysis/1.0.0',
      title: 'A search',
      abstract: 'We search.',
      version: '1',
      created: '2026-11-22',
      experiment: 'CMS',
      access: { level: 'public' },
      people: [{ given_name: 'Ada', family_name: 'Lovelace', orcid: '0000-0002-1825-0098' }],
      publications: [{ type: 'article', title: 'A paper', doi: 'doi:10.1000/xyz' }],
    };
    expect(validate(data)).toBe(false);
    const diagnostics = formDiagnostics(validate.errors ?? [], data, lookup, {
      schema: 'cms-analysis/1.0.0',
      file: 'content/cms/x/record.yaml',
    });
    expect(diagnostics.map((d) => [d.code, d.pointer])).toEqual([
      ['CAPSULE_INVALID_ORCID', '/people/0/orcid'],
      ['CAPSULE_INVALID_DOI', '/publications/0/doi'],
    ]);
    expect(diagnostics[0]?.message).toContain('bad check digit');
    expect(diagnostics[1]?.hint).toContain('10.1000/xyz');
  });
});
