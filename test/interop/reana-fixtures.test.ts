import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { Ajv } from 'ajv';
import type { AnySchemaObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { reanaSummary } from '../../scripts/lib/reana/summary.ts';
import { validateReanaFile } from '../../scripts/lib/reana/validate.ts';
import { emitYaml, toNode } from '../../scripts/lib/yaml/index.ts';
import { parseYaml } from '../../scripts/lib/yaml/index.ts';
import { FIXTURES, REPO_ROOT } from '../helpers/repo.ts';

/**
 * Every REANA example in ../shared/fixtures validates; Capsule's re-expressed schema sorts
 * problems into errors and warnings exactly as reana-commons does with REANA's own schema
 * (read from the fixtures, in this test only), on the examples and on broken variants of them.
 */
const EXAMPLES = path.join(FIXTURES, 'reana/examples');
const examples = readdirSync(EXAMPLES).map((file) => ({
  file,
  text: readFileSync(path.join(EXAMPLES, file), 'utf8'),
}));

describe('REANA examples', () => {
  it('are all there', () => expect(examples.length).toBe(8));

  it.each(examples)('$file validates', ({ file, text }) => {
    const check = validateReanaFile(file, Buffer.from(text));
    expect(check.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const summary = reanaSummary(check.specification, {
      recordDir: 'content/x/y',
      file: 'reana.yaml',
      name: 'y',
    });
    expect(['serial', 'cwl', 'yadage', 'snakemake']).toContain(summary.type);
    if (summary.type === 'serial') expect(summary.steps.length).toBeGreaterThan(0);
    else expect(summary.workflowFile).toBeTruthy();
  });
});

/** REANA's schema as Python's jsonschema reads it: nested `$id`s and the stray `id` change nothing. */
function withoutIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutIds);
  if (node && typeof node === 'object')
    return Object.fromEntries(
      Object.entries(node)
        .filter(([key]) => key !== 'id' && key !== '$id')
        .map(([key, value]) => [key, withoutIds(value)]),
    );
  return node;
}
const upstreamValidate = new Ajv({ strict: false, allErrors: true }).compile(
  withoutIds(
    JSON.parse(
      readFileSync(path.join(FIXTURES, 'reana/schemas/reana_analysis_schema.json'), 'utf8'),
    ),
  ) as AnySchemaObject,
);

/** reana-commons: additionalProperties violations are warnings, every other violation an error. */
function upstream(data: unknown): { critical: boolean; unknownKeys: string[] } {
  upstreamValidate(data);
  const errors = upstreamValidate.errors ?? [];
  return {
    critical: errors.some((e) => e.keyword !== 'additionalProperties' && e.keyword !== 'if'),
    unknownKeys: errors
      .filter((e) => e.keyword === 'additionalProperties')
      .map((e) => `${e.instancePath}/${String(e.params.additionalProperty)}`)
      .sort(),
  };
}

function ours(data: unknown) {
  const doc = { source: '', root: toNode(data), endComments: [], headerComments: [] };
  const check = validateReanaFile('reana.yaml', Buffer.from(emitYaml(doc)));
  return {
    critical: check.diagnostics.some((d) => d.code === 'CAPSULE_REANA_SCHEMA'),
    unknownKeys: check.diagnostics
      .filter((d) => d.code === 'CAPSULE_REANA_UNKNOWN_KEY')
      .map((d) => d.pointer)
      .sort(),
  };
}

type Spec = { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
const BREAKS: Array<[string, (spec: Spec) => void]> = [
  ['an unknown top-level key', (s) => (s.inptus = {})],
  ['an unknown key in inputs', (s) => ((s.inputs ??= {}).parameter = {})],
  ['an engine REANA does not run', (s) => (s.workflow.type = 'nextflow')],
  ['no workflow', (s) => delete s.workflow],
  [
    'neither file nor specification',
    (s) => (delete s.workflow.file, delete s.workflow.specification),
  ],
  [
    'a serial step without image',
    (s) =>
      s.workflow.specification?.steps?.[0] && delete s.workflow.specification.steps[0].environment,
  ],
  [
    'an unknown key in a serial step',
    (s) =>
      s.workflow.specification?.steps?.[0] && (s.workflow.specification.steps[0].memory = '1Gi'),
  ],
  [
    'a bad compute backend',
    (s) =>
      s.workflow.specification?.steps?.[0] &&
      (s.workflow.specification.steps[0].compute_backend = 'lxplus'),
  ],
  ['a number as version', (s) => (s.version = 0.6)],
  ['outputs as a list', (s) => (s.outputs = ['a.png'])],
  ['a bad CVMFS repository', (s) => (s.workflow.resources = { cvmfs: ['bad name'] })],
];

describe('Capsule’s REANA schema sorts problems as reana-commons does', () => {
  const sources = [
    ...examples.map(({ file, text }) => ({ file, data: parseYaml(text).value as Spec })),
    ...[
      'cms/higgs-tautau-2016',
      'cms/dimuon-spectrum-2011',
      'cms/higgs-4l-opendata',
      'atlas/sbottom-multib-139fb',
    ].map((id) => ({
      file: id,
      data: parseYaml(readFileSync(path.join(REPO_ROOT, 'content', id, 'reana.yaml'), 'utf8'))
        .value as Spec,
    })),
  ];
  const cases = sources.flatMap(({ file, data }) => [
    { name: `${file} as it is`, data },
    ...BREAKS.map(([name, change]) => {
      const copy = structuredClone(data);
      change(copy);
      return { name: `${file} with ${name}`, data: copy };
    }),
  ]);

  it.each(cases)('$name', ({ data }) => {
    expect(ours(data)).toEqual(upstream(data));
  });

  it('includes both accepted and refused cases (the comparison can fail)', () => {
    const verdicts = cases.map(({ data }) => upstream(data).critical);
    expect(verdicts).toContain(true);
    expect(verdicts).toContain(false);
    expect(cases.some(({ data }) => upstream(data).unknownKeys.length > 0)).toBe(true);
  });
});
