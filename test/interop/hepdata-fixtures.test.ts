import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { Ajv } from 'ajv';
import type { AnySchemaObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { hepdataRegistry, hepdataSchemaRef } from '../../scripts/lib/hepdata/schemas.ts';
import type { HepdataSchemaVersion } from '../../scripts/lib/hepdata/schemas.ts';
import { parseHepdataFile } from '../../scripts/lib/hepdata/source.ts';
import {
  validateHepdataSubmissionFile,
  validateHepdataTableFile,
} from '../../scripts/lib/hepdata/validate-file.ts';
import { validateHepdataFolder } from '../../scripts/lib/hepdata/validate-folder.ts';
import { hepdataVerdict } from '../../scripts/lib/hepdata/verdict.ts';
import type { HepdataVerdict } from '../../scripts/lib/hepdata/verdict.ts';
import { FIXTURES, REPO_ROOT } from '../helpers/repo.ts';

/**
 * Every HEPData file in ../shared/fixtures gets the verdict its INDEX-peers.md row states, with
 * the diagnostics that explain it; Capsule's re-expressed schemas agree with HEPData's own
 * schemas (read from the fixtures, in this test only) on every document.
 */
const EXAMPLES = path.join(FIXTURES, 'hepdata/examples');

interface Expectation {
  file: string;
  kind: 'submission' | 'table';
  verdict: HepdataVerdict;
  /** Codes the verdict must rest on (errors), and a phrase the first of them says. */
  codes: string[];
  says?: RegExp;
}

// From INDEX-peers.md, one row per file.
const SINGLE: Expectation[] = [
  {
    file: 'single/binning_average.yaml',
    kind: 'table',
    verdict: 'semantically-invalid',
    codes: ['CAPSULE_HEPDATA_NO_DEPENDENT'],
    says: /no dependent variables/,
  },
  {
    file: 'single/file_with_inconsistent_values.yaml',
    kind: 'table',
    verdict: 'semantically-invalid',
    codes: ['CAPSULE_HEPDATA_VALUES_LENGTH'],
    says: /independent variables \[1\], dependent variables \[2\]/,
  },
  {
    file: 'single/file_with_zero_uncertainty.yaml',
    kind: 'table',
    verdict: 'semantically-invalid',
    codes: ['CAPSULE_HEPDATA_ZERO_UNCERTAINTY'],
    says: /should not all be zero/,
  },
  {
    file: 'single/invalid_cmenergies.yaml',
    kind: 'submission',
    verdict: 'semantically-invalid',
    codes: ['CAPSULE_HEPDATA_CMENERGIES'],
    says: /"7000 GeV"/,
  },
  {
    file: 'single/invalid_file.json',
    kind: 'table',
    verdict: 'schema-invalid',
    codes: ['CAPSULE_HEPDATA_SCHEMA'],
    says: /missing the required field `independent_variables`/,
  },
  {
    file: 'single/invalid_file.yaml',
    kind: 'table',
    verdict: 'schema-invalid',
    codes: [
      'CAPSULE_HEPDATA_SCHEMA',
      'CAPSULE_HEPDATA_UNCERTAINTY_NUMBER',
      'CAPSULE_HEPDATA_VALUES_LENGTH',
    ],
    says: /label.*must be a string/,
  },
  {
    file: 'single/invalid_independent_variables_file.yaml',
    kind: 'table',
    verdict: 'schema-invalid',
    codes: [
      'CAPSULE_HEPDATA_SCHEMA',
      'CAPSULE_HEPDATA_STRING_RANGE',
      'CAPSULE_HEPDATA_INFINITE_BIN',
    ],
    says: /`low: 6000` but no `high`/,
  },
  {
    file: 'single/invalid_missing_values.yaml',
    kind: 'table',
    verdict: 'schema-invalid',
    codes: ['CAPSULE_HEPDATA_SCHEMA'],
    says: /missing the required field `values`/,
  },
  {
    file: 'single/invalid_parser_submission.yaml',
    kind: 'submission',
    verdict: 'parse-error',
    codes: ['CAPSULE_HEPDATA_SYNTAX'],
    says: /cannot be parsed/,
  },
  {
    file: 'single/invalid_submission.yaml',
    kind: 'submission',
    verdict: 'schema-invalid',
    codes: ['CAPSULE_HEPDATA_SCHEMA'],
    says: /missing the required field `values`/,
  },
  {
    file: 'single/invalid_submission_duplicates.yaml',
    kind: 'submission',
    verdict: 'semantically-invalid',
    codes: ['CAPSULE_HEPDATA_DUPLICATE_TABLE', 'CAPSULE_HEPDATA_DUPLICATE_DATA_FILE'],
    says: /Duplicate table name: `Table 2`/,
  },
  {
    file: 'single/invalid_submission_keyword.yaml',
    kind: 'submission',
    verdict: 'schema-invalid',
    codes: ['CAPSULE_HEPDATA_SCHEMA'],
    says: /at most 128/,
  },
  {
    file: 'single/invalid_submission_license.yaml',
    kind: 'submission',
    verdict: 'schema-invalid',
    codes: ['CAPSULE_HEPDATA_SCHEMA'],
    says: /data_license\.\w+.*must be a string, but is a null/,
  },
  {
    file: 'single/invalid_syntax_submission.yaml',
    kind: 'submission',
    verdict: 'parse-error',
    codes: ['CAPSULE_HEPDATA_SYNTAX'],
    says: /cannot be parsed/,
  },
  {
    file: 'single/valid_data_with_zero_percent.yaml',
    kind: 'table',
    verdict: 'semantically-invalid',
    codes: ['CAPSULE_HEPDATA_ZERO_UNCERTAINTY'],
    says: /should not all be zero/,
  },
  { file: 'single/valid_file.json', kind: 'table', verdict: 'valid', codes: [] },
  { file: 'single/valid_file.yaml', kind: 'table', verdict: 'valid', codes: [] },
  { file: 'single/valid_submission.yaml', kind: 'submission', verdict: 'valid', codes: [] },
  { file: 'single/valid_submission_empty.yaml', kind: 'submission', verdict: 'valid', codes: [] },
  { file: 'single/valid_submission_license.yaml', kind: 'submission', verdict: 'valid', codes: [] },
  {
    file: 'single/valid_submission_with_associated_record.yaml',
    kind: 'submission',
    verdict: 'valid',
    codes: [],
  },
  {
    file: 'TestRelatedSubmissions/invalid_submission_doi.yaml',
    kind: 'submission',
    verdict: 'schema-invalid',
    codes: ['CAPSULE_HEPDATA_SCHEMA'],
    says: /lists the same value twice/,
  },
  {
    file: 'TestRelatedSubmissions/invalid_submission_recid.yaml',
    kind: 'submission',
    verdict: 'schema-invalid',
    codes: ['CAPSULE_HEPDATA_SCHEMA'],
    says: /lists the same value twice/,
  },
  {
    file: 'TestRelatedSubmissions/valid_submission_related.yaml',
    kind: 'submission',
    verdict: 'valid',
    codes: [],
  },
  { file: 'TestRelatedSubmissions/data1.yaml', kind: 'table', verdict: 'valid', codes: [] },
];

function check(expectation: Expectation, version: HepdataSchemaVersion = '1.1.1') {
  const bytes = readFileSync(path.join(EXAMPLES, expectation.file));
  return expectation.kind === 'submission'
    ? validateHepdataSubmissionFile(expectation.file, bytes, version)
    : validateHepdataTableFile(expectation.file, bytes, version);
}

describe('HEPData fixtures get the verdict INDEX-peers.md states', () => {
  it('covers every file of the single/ and TestRelatedSubmissions/ examples', () => {
    const files = ['single', 'TestRelatedSubmissions'].flatMap((dir) =>
      readdirSync(path.join(EXAMPLES, dir)).map((file) => `${dir}/${file}`),
    );
    expect(files.sort()).toEqual(SINGLE.map((e) => e.file).sort());
  });

  it.each(SINGLE)('$file is $verdict', (expectation) => {
    const diagnostics = check(expectation);
    expect(hepdataVerdict(diagnostics)).toBe(expectation.verdict);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect([...new Set(errors.map((d) => d.code))].sort()).toEqual([...expectation.codes].sort());
    if (expectation.says) expect(errors.map((d) => d.message).join('\n')).toMatch(expectation.says);
    for (const d of errors) {
      expect(d.line, d.message).toBeGreaterThanOrEqual(1);
      expect(d.hint.length, d.message).toBeGreaterThan(10);
    }
  });

  it('reports the ten problems of invalid_independent_variables_file.yaml', () => {
    const errors = check(SINGLE.find((e) => e.file.includes('invalid_independent'))!).filter(
      (d) => d.severity === 'error',
    );
    expect(errors.map((d) => `${d.line} ${d.code}`)).toEqual([
      '5 CAPSULE_HEPDATA_SCHEMA', // low without high
      '6 CAPSULE_HEPDATA_SCHEMA', // high without low
      '7 CAPSULE_HEPDATA_SCHEMA', // 7.0.0 and 2.0.0 are not numbers
      '9 CAPSULE_HEPDATA_STRING_RANGE',
      '10 CAPSULE_HEPDATA_STRING_RANGE',
      '11 CAPSULE_HEPDATA_STRING_RANGE',
      '12 CAPSULE_HEPDATA_STRING_RANGE',
      '15 CAPSULE_HEPDATA_INFINITE_BIN', // -inf to +inf
      '19 CAPSULE_HEPDATA_INFINITE_BIN', // a second underflow bin
      '23 CAPSULE_HEPDATA_INFINITE_BIN', // a second overflow bin
    ]);
  });

  it('accepts the repeated dateupdated key as HEPData does, with a warning', () => {
    const diagnostics = check(SINGLE.find((e) => e.file === 'single/valid_submission.yaml')!);
    expect(diagnostics.map((d) => `${d.severity} ${d.code} ${d.line}`)).toEqual([
      'warning CAPSULE_HEPDATA_DUPLICATE_KEY 10',
    ]);
  });

  it('with schema 1.0.1, accepts a lone bin edge but refuses related_to_table_dois', () => {
    const table = SINGLE.find((e) => e.file.includes('invalid_independent'))!;
    const old = check(table, '1.0.1').filter((d) => d.code === 'CAPSULE_HEPDATA_SCHEMA');
    expect(old.map((d) => d.line)).toEqual([7, 8]); // only the two non-numeric edges
    const related = SINGLE.find((e) => e.file.endsWith('valid_submission_related.yaml'))!;
    expect(
      check(related, '1.0.1')
        .map((d) => d.message)
        .join(),
    ).toMatch(/`related_to_table_dois` is not a field/);
  });
});

async function folder(name: string) {
  const dir = path.join(EXAMPLES, name);
  const files = readdirSync(dir).map((file) => ({
    path: file,
    size: statSync(path.join(dir, file)).size,
  }));
  return validateHepdataFolder({
    dir: name,
    files,
    read: async (file) => readFileSync(path.join(dir, file)),
  });
}

describe('HEPData submission folders', () => {
  it('TestHEPSubmission is valid but for the resources not copied into the fixtures', async () => {
    const report = await folder('TestHEPSubmission');
    const errors = report.diagnostics.filter((d) => d.severity === 'error');
    expect(new Set(errors.map((d) => d.code))).toEqual(new Set(['CAPSULE_HEPDATA_FILE_MISSING']));
    const missing = errors.map((d) => /`([^`]+)`/.exec(d.message)?.[1]);
    expect(missing).toContain('analysis_script.py');
    expect(missing).toContain('root_file.root');
    expect(missing.every((file) => /\.(py|root|png)$/.test(file ?? ''))).toBe(true);
    expect(report.tables.size).toBe(8);
  });

  it('TestHEPSubmission_invalid has every problem its INDEX row lists', async () => {
    const report = await folder('TestHEPSubmission_invalid');
    const said = report.diagnostics.map((d) => `${d.file} ${d.code} ${d.message}`).join('\n');
    expect(said).toMatch(/CAPSULE_HEPDATA_FILE_NAME Name of data_file `mydirectory\/data2.yaml`/);
    expect(said).toMatch(/CAPSULE_HEPDATA_FILE_NAME .*`..\/TestHEPSubmission\/figFigure8B.png`/);
    expect(said).toMatch(
      /CAPSULE_HEPDATA_FILE_MISSING Missing 'additional_resources' file `figFigure9A.png`/,
    );
    expect(said).toMatch(/CAPSULE_HEPDATA_FILE_MISSING Missing data_file `data3.yaml`/);
    expect(said).toMatch(/data8.yaml CAPSULE_HEPDATA_SYNTAX/);
    // The other data files are valid on their own.
    const tableErrors = report.diagnostics.filter(
      (d) =>
        d.severity === 'error' &&
        !d.file.endsWith('submission.yaml') &&
        !d.file.endsWith('data8.yaml'),
    );
    expect(tableErrors).toEqual([]);
  });
});

/** HEPData's own schemas (draft-04 and draft-07), compiled as Python's jsonschema reads them. */
function upstreamValidator(version: string, part: string) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  const dir = path.join(FIXTURES, 'hepdata/schemas', version);
  for (const file of readdirSync(dir)) {
    const schema = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as AnySchemaObject;
    // draft-04's `id` is draft-07's `$id`; nothing else these schemas use differs.
    if (schema.id) schema.$id = schema.id;
    delete schema.id;
    delete schema.$schema;
    ajv.addSchema(schema, file);
  }
  return ajv.getSchema(`${part}_schema.json`)!;
}

function* documents(): Generator<{
  file: string;
  kind: 'info' | 'submission' | 'data';
  value: unknown;
}> {
  const roots = [EXAMPLES, path.join(REPO_ROOT, 'content')];
  for (const root of roots) {
    for (const entry of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
      if (!/\.(ya?ml|json)$/.test(entry)) continue;
      if (root.endsWith('content') && !entry.includes('/hepdata/')) continue;
      const isSubmission = /submission/.test(path.basename(entry));
      const parsed = parseHepdataFile(entry, readFileSync(path.join(root, entry)), {
        stream: isSubmission,
      });
      for (const doc of parsed.documents) {
        if (doc.value === null) continue;
        const hasDataFile =
          typeof doc.value === 'object' && doc.value !== null && 'data_file' in doc.value;
        const kind = !isSubmission
          ? 'data'
          : doc.index === 0 && !hasDataFile
            ? 'info'
            : 'submission';
        yield { file: `${entry}#${doc.index}`, kind, value: doc.value };
      }
    }
  }
}

/** Python's jsonschema counts infinity as a number, ajv does not: compare on finite stand-ins. */
function finite(value: unknown): unknown {
  if (typeof value === 'number')
    return Number.isFinite(value) ? value : Math.sign(value) * Number.MAX_VALUE;
  if (Array.isArray(value)) return value.map(finite);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, finite(v)]));
  return value;
}

describe.each(['1.0.1', '1.1.1'] as const)('Capsule HEPData schemas %s', (version) => {
  const parts = { info: 'additional-info', submission: 'submission', data: 'data' } as const;
  const upstream = {
    info: upstreamValidator(version, 'additional_info'),
    submission: upstreamValidator(version, 'submission'),
    data: upstreamValidator(version, 'data'),
  };
  const all = [...documents()];

  it('agree with HEPData’s own schemas on every fixture and sample document', () => {
    expect(all.length).toBeGreaterThan(60);
    const disagreements = all.filter(({ kind, value }) => {
      const ours = hepdataRegistry().validator(hepdataSchemaRef(version, parts[kind]));
      return ours(finite(value)) !== upstream[kind](finite(value));
    });
    expect(disagreements.map((d) => d.file)).toEqual([]);
  });

  it('have documents both valid and invalid among them (the comparison can fail)', () => {
    const verdicts = all.map(({ kind, value }) => upstream[kind](finite(value)));
    expect(verdicts).toContain(true);
    expect(verdicts).toContain(false);
  });
});
