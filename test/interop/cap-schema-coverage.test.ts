import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Does Capsule capture what CERN Analysis Preservation (CAP) captures? Every field group of
 * CAP's CMS, ATLAS, LHCb and ALICE deposit schemas (top-level properties, the properties CAP
 * reveals through `dependencies`, and the fields inside each group) has a row below: the field
 * of our schema that holds the same information, or the reason it is left out. A new CAP group
 * without a row, a row for a group CAP no longer has, or a row pointing at a field our schema
 * does not have fails the test. CAP-MAPPING.md is rendered from the same table
 * (`vitest run test/interop -u` rewrites it).
 */

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = process.env.CAPSULE_FIXTURES ?? path.resolve(REPO_ROOT, '../shared/fixtures');
const CAP_SCHEMAS = path.join(FIXTURES, 'cap', 'schemas-head');
const CAPSULE_SCHEMAS = path.join(REPO_ROOT, 'schemas');

/** A JSON pointer into the Capsule record schema (`''` is the record itself), or why not. */
type Mapping = string | { to: string; note: string } | { leftOut: string };

interface CapSchemaMapping {
  /** File of the CAP schema fixture (a wrapper with `deposit_schema`). */
  file: string;
  /** The Capsule record schema it corresponds to. */
  capsule: string;
  rows: { [capGroup: string]: Mapping };
}

// Fields CAP adds to every deposit for its own bookkeeping; git, the forge and CI replace them.
const SYSTEM: { [capGroup: string]: Mapping } = {
  _buckets: {
    leftOut:
      'Invenio file buckets. Small files live in git under files/; large data is referenced by URI.',
  },
  control_number: {
    leftOut: 'CAP record counter. A Capsule record id is its path, `collection/slug`.',
  },
  _files: {
    to: '/properties/files',
    note: 'each file with its exact size and sha256, re-verified by CI',
  },
  _access: {
    to: '/properties/access',
    note: 'read ACLs become level and groups; write access is forge permission',
  },
  _deposit: {
    leftOut:
      'Draft state, owners and creator: the draft is a pull request and authorship is git history.',
  },
  $ana_type: '/properties/$schema',
  $schema: '/properties/$schema',
  general_title: '/properties/title',
  _experiment: '/properties/experiment',
  _fetched_from: {
    leftOut:
      'Which service (CADI, Glance) pre-filled the form; git history shows where every change came from.',
  },
  _user_edited: { leftOut: 'Flag for edits after a pre-fill; git history records every edit.' },
};

const LONG_TEXT =
  'Long-form text belongs in the README.md or record.md body, rendered next to the metadata.';

const CMS = '/properties/cms/properties';
const ATLAS = '/properties/atlas/properties';
const LHCB = '/properties/lhcb/properties';
const TRAIN = '/properties/alice/properties/lego_trains/items/properties';
const REUSE = 'dependencies/analysis_reuse_mode';

const MAPPINGS: CapSchemaMapping[] = [
  {
    file: 'cms.json',
    capsule: 'cms-analysis',
    rows: {
      ...SYSTEM,
      basic_info: { to: '', note: 'the record itself; the fields are mapped one by one' },
      'basic_info/cadi_id': `${CMS}/cadi_id`,
      'basic_info/analysis_keywords': {
        to: '/properties/physics_themes',
        note: 'collision system and energy go to collision, final states to final_states',
      },
      'basic_info/abstract': '/properties/abstract',
      'basic_info/ana_notes': `${CMS}/analysis_notes`,
      'basic_info/conclusion': '/properties/results/properties/summary',
      analysis_reuse_mode: {
        leftOut:
          'CAP switch that reveals the reproducibility fields; in Capsule they are always there.',
      },
      input_data: {
        to: `${CMS}/primary_datasets`,
        note: 'with mc_datasets and the generic datasets list',
      },
      'input_data/mc_bg_datasets': { to: `${CMS}/mc_datasets`, note: 'type: background' },
      'input_data/json_files': `${CMS}/primary_datasets/items/properties/lumi_mask`,
      'input_data/primary_datasets': `${CMS}/primary_datasets`,
      'input_data/mc_sig_datasets': { to: `${CMS}/mc_datasets`, note: 'type: signal' },
      'input_data/custom_datasets': {
        to: '/properties/datasets',
        note: 'kind: derived or external',
      },
      cadi_info: { to: '/properties/cms', note: 'CADI fields are mapped one by one' },
      'cadi_info/status': '/properties/status',
      'cadi_info/publication_status': '/properties/status',
      'cadi_info/pas': `${CMS}/pas`,
      'cadi_info/description': '/properties/abstract',
      'cadi_info/created': '/properties/created',
      'cadi_info/contact': {
        to: '/properties/people/items/properties/roles',
        note: 'role: contact',
      },
      'cadi_info/paper': '/properties/publications/items/properties/report_number',
      'cadi_info/twiki': '/properties/links',
      'cadi_info/name': '/properties/title',
      ntuples_production: `${CMS}/ntuple_production`,
      'ntuples_production/code_base': `${CMS}/ntuple_production/items/properties/configuration`,
      'ntuples_production/processing_steps': `${CMS}/ntuple_production/items/properties/commands`,
      additional_resources: '/properties/links',
      'additional_resources/comments': { leftOut: LONG_TEXT },
      'additional_resources/presentations': '/properties/links',
      'additional_resources/documentations': { to: '/properties/files', note: 'kind: document' },
      'additional_resources/publications': '/properties/publications',
      'additional_resources/keywords': '/properties/keywords',
      'additional_resources/internal_discussions': {
        to: '/properties/links',
        note: 'in collaboration records',
      },
      [`${REUSE}/main_measurements`]: `${CMS}/event_selection`,
      [`${REUSE}/main_measurements/signal_event_selection`]: `${CMS}/physics_objects`,
      [`${REUSE}/main_measurements/detailed_desciption`]: { leftOut: LONG_TEXT },
      [`${REUSE}/main_measurements/description`]: '/properties/abstract',
      [`${REUSE}/main_measurements/processing_steps`]: '/properties/workflow/properties/commands',
      [`${REUSE}/main_measurements/analysis_code`]: '/properties/code',
      [`${REUSE}/final_results`]: '/properties/results',
      [`${REUSE}/final_results/code_base`]: '/properties/code',
      [`${REUSE}/final_results/processing_steps`]: '/properties/workflow',
      [`${REUSE}/systematic_uncertainties`]: `${CMS}/systematic_uncertainties`,
      [`${REUSE}/systematic_uncertainties/type`]: `${CMS}/systematic_uncertainties/items/properties/type`,
      [`${REUSE}/systematic_uncertainties/physics_object`]: `${CMS}/systematic_uncertainties/items/properties/source`,
      [`${REUSE}/systematic_uncertainties/statement`]: `${CMS}/systematic_uncertainties/items/properties/description`,
      [`${REUSE}/auxiliary_measurements`]: `${CMS}/auxiliary_measurements`,
      [`${REUSE}/auxiliary_measurements/type`]: `${CMS}/auxiliary_measurements/items/properties/type`,
      [`${REUSE}/auxiliary_measurements/links`]: `${CMS}/auxiliary_measurements/items/properties/code`,
      [`${REUSE}/background_estimations`]: `${CMS}/background_estimations`,
      [`${REUSE}/background_estimations/control_regions`]: `${CMS}/background_estimations/items/properties/control_regions`,
      [`${REUSE}/background_estimations/type`]: `${CMS}/background_estimations/items/properties/process`,
      [`${REUSE}/background_estimations/method`]: `${CMS}/background_estimations/items/properties/method`,
      [`${REUSE}/background_estimations/samples`]: {
        to: `${CMS}/mc_datasets`,
        note: 'the samples are listed once, as simulated datasets',
      },
    },
  },
  {
    file: 'atlas.json',
    capsule: 'atlas-analysis',
    rows: {
      ...SYSTEM,
      input_datasets: `${ATLAS}/input_datasets`,
      'input_datasets/type': `${ATLAS}/input_datasets/items/properties/type`,
      'input_datasets/dataset_title': `${ATLAS}/input_datasets/items/properties/name`,
      'input_datasets/format': `${ATLAS}/input_datasets/items/properties/format`,
      basic_info: { to: '', note: 'the record itself; the fields are mapped one by one' },
      'basic_info/abstract': '/properties/abstract',
      'basic_info/people_info': '/properties/people',
      'basic_info/glance_id': `${ATLAS}/glance_id`,
      'basic_info/analysis_title': '/properties/title',
      workflows: '/properties/workflow',
      'workflows/workflow_title': '/properties/workflow/properties/description',
      'workflows/workflow': {
        to: '/properties/workflow/properties/file',
        note: 'the yadage or REANA specification is a file of the record',
      },
      glance_info: { to: '/properties/atlas', note: 'Glance fields are mapped one by one' },
      'glance_info/status': '/properties/status',
      'glance_info/ref_code': `${ATLAS}/analysis_reference`,
      'glance_info/pub_short_title': '/properties/publications/items/properties/title',
      'glance_info/short_title': {
        leftOut: 'Glance short titles are internal labels; the record has one title.',
      },
      'glance_info/creation_date': '/properties/created',
      'glance_info/full_title': '/properties/title',
      'glance_info/gitlab_group': '/properties/code',
      'glance_info/phase_0': {
        to: `${ATLAS}/models_tested`,
        note: 'physics aim goes to the abstract, datasets to input_datasets',
      },
      'glance_info/id': `${ATLAS}/glance_id`,
      limits: `${ATLAS}/limits`,
      'limits/CLs_exp': `${ATLAS}/limits/items/properties/expected`,
      'limits/CLs_obs': `${ATLAS}/limits/items/properties/observed`,
      likelihoods: `${ATLAS}/likelihoods`,
      'likelihoods/channels': {
        leftOut:
          'The serialised likelihood (pyhf JSON, HistFactory XML) is referenced by location, not copied into the record.',
      },
      'likelihoods/parameters': {
        leftOut: 'Part of the serialised likelihood, referenced by location.',
      },
      publications: '/properties/publications',
      'publications/access': {
        leftOut:
          'Access is set per record: internal notes are publications of collaboration records.',
      },
      'publications/persistent_identifiers': {
        to: '/properties/publications/items/properties/doi',
        note: 'with arxiv, inspire and cds beside it',
      },
      'publications/type': '/properties/publications/items/properties/type',
      'publications/url': '/properties/publications/items/properties/url',
      'publications/comment': { leftOut: LONG_TEXT },
    },
  },
  {
    file: 'lhcb.json',
    capsule: 'lhcb-analysis',
    rows: {
      ...SYSTEM,
      stripping_turbo_selection: {
        to: `${LHCB}/stripping_lines`,
        note: 'Turbo lines go to turbo_lines',
      },
      'stripping_turbo_selection/dataset_type': `${LHCB}/stripping_lines/items/properties/dataset_type`,
      'stripping_turbo_selection/stripping_turbo_line': `${LHCB}/stripping_lines/items/properties/name`,
      'stripping_turbo_selection/name': {
        leftOut: 'A free label; the line name identifies the selection.',
      },
      'stripping_turbo_selection/bookkeping_locations': `${LHCB}/stripping_lines/items/properties/bookkeeping_paths`,
      ntuple_userdst_production: {
        to: `${LHCB}/ntuple_production`,
        note: 'user DSTs go to user_dst',
      },
      'ntuple_userdst_production/output_eos_location': `${LHCB}/ntuple_production/items/properties/location`,
      'ntuple_userdst_production/name': {
        leftOut: 'A free label; a production is identified by its decay descriptor and location.',
      },
      'ntuple_userdst_production/wg_production_bk_path': `${LHCB}/ntuple_production/items/properties/bookkeeping_path`,
      'ntuple_userdst_production/davinci_version': `${LHCB}/davinci_version`,
      'ntuple_userdst_production/davinci_scripts': `${LHCB}/ntuple_production/items/properties/options_file`,
      'ntuple_userdst_production/input_dataset': `${LHCB}/stripping_lines/items/properties/bookkeeping_paths`,
      'ntuple_userdst_production/platform': `${LHCB}/platform`,
      'ntuple_userdst_production/ganga_scripts': {
        to: '/properties/workflow/properties/commands',
        note: 'the scripts themselves are preserved files or code',
      },
      basic_info: { to: '', note: 'the record itself; the fields are mapped one by one' },
      'basic_info/analysis_proponents': '/properties/people',
      'basic_info/analysis_status': '/properties/status',
      'basic_info/review_egroup': `${LHCB}/review_egroup`,
      'basic_info/reviewers': {
        to: '/properties/people/items/properties/roles',
        note: 'role: reviewer',
      },
      'basic_info/analysis_title': '/properties/title',
      'basic_info/measurement': `${LHCB}/measurement`,
      'basic_info/keywords': '/properties/keywords',
      'basic_info/institutes': '/properties/people/items/properties/affiliations',
      additional_resources: '/properties/links',
      'additional_resources/publications': '/properties/publications',
      'additional_resources/internal_discussions': {
        to: '/properties/links',
        note: 'in collaboration records',
      },
      'additional_resources/presentations': '/properties/links',
      'additional_resources/documentations': '/properties/links',
      user_analysis: '/properties/code',
      'user_analysis/additional_repos': '/properties/code',
      'user_analysis/basic_scripts': '/properties/workflow/properties/commands',
      'user_analysis/gitlab_links': '/properties/code',
      'user_analysis/docker_registries': '/properties/containers',
    },
  },
  {
    file: 'alice-analysis.json',
    capsule: 'alice-analysis',
    rows: {
      ...SYSTEM,
      basic_info: { to: '', note: 'the record itself; the fields are mapped one by one' },
      'basic_info/analysis_title': '/properties/title',
      'basic_info/description': '/properties/abstract',
      train_analysis: '/properties/alice/properties/lego_trains',
      'train_analysis/ali_physics': `${TRAIN}/aliphysics_tag`,
      'train_analysis/run': `${TRAIN}/runs`,
      'train_analysis/dataset_aod': `${TRAIN}/aod`,
      'train_analysis/run_id': `${TRAIN}/train_id`,
      'train_analysis/configuration_files': {
        to: '/properties/files',
        note: 'wagon configurations are preserved files',
      },
      'train_analysis/wagon_names': `${TRAIN}/wagons`,
      'train_analysis/dataset': `${TRAIN}/dataset`,
      'train_analysis/derived_dataset': { to: '/properties/datasets', note: 'kind: derived' },
      'train_analysis/reference_production': `${TRAIN}/reference_production`,
      'train_analysis/train_id': `${TRAIN}/train_name`,
    },
  },
];

// ------------------------------------------------------------------------------ CAP side

type JsonSchema = { [keyword: string]: unknown };

function readJson(file: string): JsonSchema {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as JsonSchema;
}

/** CAP's `$ref`s are absolute URLs of its server; the fixture files are named after them. */
function resolveCap(schema: JsonSchema): JsonSchema {
  let node = schema;
  while (typeof node.$ref === 'string') {
    const name = /\/records\/(.+)-v\d+\.\d+\.\d+\.json$/.exec(node.$ref)?.[1];
    if (!name) throw new Error(`unexpected CAP $ref ${node.$ref}`);
    node = readJson(path.join(CAP_SCHEMAS, `${name}.json`)).deposit_schema as JsonSchema;
  }
  return node;
}

function propertiesOf(schema: JsonSchema): { [name: string]: JsonSchema } | undefined {
  let node = resolveCap(schema);
  if (node.items && typeof node.items === 'object' && !Array.isArray(node.items)) {
    node = resolveCap(node.items as JsonSchema);
  }
  return node.properties as { [name: string]: JsonSchema } | undefined;
}

const isSystemField = (name: string) => name.startsWith('_') || name.startsWith('$');

/** Every field group of a CAP deposit schema, as `group` or `group/field` paths. */
function capFieldGroups(file: string): string[] {
  const deposit = readJson(path.join(CAP_SCHEMAS, file)).deposit_schema as JsonSchema;
  const groups: [string, JsonSchema][] = Object.entries(propertiesOf(deposit) ?? {});
  const dependencies = (deposit.dependencies ?? {}) as { [key: string]: JsonSchema };
  for (const [key, dependency] of Object.entries(dependencies)) {
    for (const [name, schema] of Object.entries(propertiesOf(dependency) ?? {})) {
      groups.push([`dependencies/${key}/${name}`, schema]);
    }
  }
  const paths: string[] = [];
  for (const [group, schema] of groups) {
    paths.push(group);
    if (isSystemField(group)) continue;
    for (const field of Object.keys(propertiesOf(schema) ?? {})) paths.push(`${group}/${field}`);
  }
  return paths;
}

// ------------------------------------------------------------------------------ Capsule side

const CAPSULE_BASE = 'https://capsule.invalid/schemas/';

function loadCapsuleSchemas(): Map<string, JsonSchema> {
  const schemas = new Map<string, JsonSchema>();
  for (const entry of fs.readdirSync(CAPSULE_SCHEMAS, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.json')) continue;
    const schema = readJson(path.join(CAPSULE_SCHEMAS, entry));
    schemas.set(schema.$id as string, schema);
  }
  return schemas;
}

const capsuleSchemas = loadCapsuleSchemas();

interface Located {
  node: JsonSchema;
  base: string;
}

function followRefs({ node, base }: Located): Located {
  let current = { node, base };
  while (typeof current.node.$ref === 'string') {
    const url = new URL(current.node.$ref, current.base);
    const fragment = decodeURIComponent(url.hash.slice(1));
    url.hash = '';
    const document = capsuleSchemas.get(url.href);
    if (!document) throw new Error(`unresolved $ref ${current.node.$ref} from ${current.base}`);
    current = walk({ node: document, base: url.href }, fragment);
  }
  return current;
}

function walk(start: Located, pointer: string): Located {
  let current = start;
  for (const token of pointer.split('/').slice(1)) {
    current = followRefs(current);
    const next = current.node[token.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (!next || typeof next !== 'object') throw new Error(`no ${token}`);
    current = { node: next as JsonSchema, base: current.base };
  }
  return followRefs(current);
}

/** Whether a JSON pointer leads to a schema in a Capsule record schema, following `$ref`s. */
function existsInCapsule(schemaName: string, pointer: string): boolean {
  const id = `${CAPSULE_BASE}${schemaName}/1.0.0.json`;
  const root = capsuleSchemas.get(id);
  if (!root) return false;
  try {
    walk({ node: root, base: id }, pointer);
    return true;
  } catch {
    return false;
  }
}

// ------------------------------------------------------------------------------ Markdown

function cell(mapping: Mapping): [string, string] {
  if (typeof mapping === 'string') return [pointerCell(mapping), ''];
  if ('leftOut' in mapping) return ['left out', mapping.leftOut];
  return [pointerCell(mapping.to), mapping.note];
}

function pointerCell(pointer: string): string {
  return pointer === '' ? '(the record)' : `\`${pointer}\``;
}

function renderMarkdown(): string {
  const lines = [
    '# CAP field groups in Capsule',
    '',
    'Where each field group of the CERN Analysis Preservation (CAP) deposit schemas lands in',
    "Capsule's record schemas, or why it is left out. Rendered from the table in",
    '`cap-schema-coverage.test.ts`, which fails when CAP has a group without a row or a row',
    'points at a field our schemas do not have. Regenerate with `vitest run test/interop -u`.',
    '',
    'Pointers are JSON pointers into the Capsule record schema; `$ref`s are followed.',
  ];
  for (const mapping of MAPPINGS) {
    lines.push('', `## ${mapping.file} → ${mapping.capsule}/1.0.0`, '');
    lines.push('| CAP field group | Capsule | Note |', '|---|---|---|');
    for (const group of capFieldGroups(mapping.file)) {
      const row = mapping.rows[group];
      const [target, note] = row ? cell(row) : ['**missing**', ''];
      lines.push(`| \`${group}\` | ${target} | ${note} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

// ------------------------------------------------------------------------------ tests

describe('CAP schema coverage', () => {
  it('reads the CAP deposit schemas from the fixtures', () => {
    for (const mapping of MAPPINGS) expect(capFieldGroups(mapping.file).length).toBeGreaterThan(10);
  });

  describe.each(MAPPINGS)('$file → $capsule', (mapping) => {
    const groups = capFieldGroups(mapping.file);

    it('has a row for every CAP field group', () => {
      expect(groups.filter((group) => !(group in mapping.rows))).toEqual([]);
    });

    it('has no row for a group CAP does not have', () => {
      expect(Object.keys(mapping.rows).filter((group) => !groups.includes(group))).toEqual([]);
    });

    it('maps every group to a field that exists in the Capsule schema', () => {
      const broken = Object.entries(mapping.rows)
        .map(
          ([group, row]) =>
            [group, typeof row === 'string' ? row : 'to' in row ? row.to : null] as const,
        )
        .filter(([, pointer]) => pointer !== null && !existsInCapsule(mapping.capsule, pointer))
        .map(([group, pointer]) => `${group} → ${pointer}`);
      expect(broken).toEqual([]);
    });

    it('gives a reason for every group left out', () => {
      const silent = Object.entries(mapping.rows)
        .filter(
          ([, row]) =>
            typeof row === 'object' && 'leftOut' in row && row.leftOut.trim().length < 10,
        )
        .map(([group]) => group);
      expect(silent).toEqual([]);
    });
  });

  it('finds pointers that do not exist', () => {
    expect(existsInCapsule('cms-analysis', `${CMS}/cadi_id`)).toBe(true);
    expect(existsInCapsule('cms-analysis', '/properties/people/items/properties/orcid')).toBe(true);
    expect(existsInCapsule('cms-analysis', `${CMS}/no_such_field`)).toBe(false);
    expect(existsInCapsule('atlas-analysis', `${CMS}/cadi_id`)).toBe(false);
  });

  it('keeps CAP-MAPPING.md in step with the table', async () => {
    await expect(renderMarkdown()).toMatchFileSnapshot('CAP-MAPPING.md');
  });
});
