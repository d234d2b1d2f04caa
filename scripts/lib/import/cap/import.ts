import type { Person } from '../../records/types.ts';
import { isMap } from '../../validate/data.ts';
import { SourceFields } from '../source-fields.ts';
import type { UnmappedField } from '../source-fields.ts';
import { mapAlice } from './alice.ts';
import { mapAtlas } from './atlas.ts';
import type { ExtraFile } from './atlas.ts';
import { mapCms } from './cms.ts';
import { mapAccess, schemaName } from './common.ts';
import type { Draft } from './common.ts';
import { mapLhcb } from './lhcb.ts';

/**
 * CAP deposits and records into Capsule records. Reads what CAP's API and fixtures hold: a
 * list of `{collection, schema, metadata}`, one `{metadata, ...}` (a deposit or record as the
 * API returns it), or bare metadata with `$schema`/`$ana_type`. Each record says which CAP
 * shape it came from, the Capsule record, files it brings (workflow specifications), what
 * Capsule filled in itself, and every CAP field it did not map, with the reason.
 */
export type CapShape = 'cms' | 'atlas' | 'lhcb' | 'alice';

const SHAPES: { [name: string]: CapShape } = {
  'cms-analysis': 'cms',
  cmsanalysis: 'cms',
  cms: 'cms',
  'atlas-analysis': 'atlas',
  atlasanalysis: 'atlas',
  atlasworkflows: 'atlas',
  'atlas-workflows': 'atlas',
  atlas: 'atlas',
  lhcb: 'lhcb',
  lhcbanalysis: 'lhcb',
  'lhcb-analysis': 'lhcb',
  'alice-analysis': 'alice',
  aliceanalysis: 'alice',
};

const CAPSULE: {
  [shape in CapShape]: { schema: string; experiment: string; collaboration: string };
} = {
  cms: { schema: 'cms-analysis/1.0.0', experiment: 'CMS', collaboration: 'CMS Collaboration' },
  atlas: {
    schema: 'atlas-analysis/1.0.0',
    experiment: 'ATLAS',
    collaboration: 'ATLAS Collaboration',
  },
  lhcb: { schema: 'lhcb-analysis/1.0.0', experiment: 'LHCb', collaboration: 'LHCb Collaboration' },
  alice: {
    schema: 'alice-analysis/1.0.0',
    experiment: 'ALICE',
    collaboration: 'ALICE Collaboration',
  },
};

// CAP's bookkeeping: what git, the forge and CI do instead (see test/interop/CAP-MAPPING.md).
const SYSTEM: { [field: string]: string } = {
  _buckets: 'Invenio file buckets; small files live in git under files/',
  _files: "files in CAP's storage: download them into files/ and list them with their sha256",
  _deposit: 'draft state, owners and creator: a pull request and git history hold them',
  control_number: 'CAP record counter; a Capsule record id is its path',
  $schema: 'the CAP schema; the record names its Capsule schema',
  $ana_type: 'the CAP schema; the record names its Capsule schema',
  _experiment: 'set from the CAP schema',
  _fetched_from: 'which service pre-filled the form; git history shows where changes came from',
  _user_edited: 'form bookkeeping; git history records every edit',
  analysis_reuse_mode: 'CAP form switch; Capsule always has the reproducibility fields',
};

export interface CapImport {
  /** Where in the input the record was (`[2]`). */
  from: string;
  /** The CAP schema name as the input gave it. */
  capSchema: string;
  shape: CapShape;
  /** A folder name for the record: lowercase, digits and dashes. */
  slug: string;
  record: Draft;
  files: ExtraFile[];
  /** What Capsule set itself, for the user to check. */
  filled: string[];
  unmapped: UnmappedField[];
  /** Empty CAP fields skipped. */
  empty: number;
}

export class CapImportError extends Error {}

interface Candidate {
  from: string;
  capSchema: string;
  metadata: unknown;
  wrapper: { [key: string]: unknown };
}

function candidates(input: unknown): Candidate[] {
  const list = Array.isArray(input) ? input : [input];
  return list.map((item, index) => {
    const from = Array.isArray(input) ? `[${index}]` : '';
    if (!isMap(item)) throw new CapImportError(`${from || 'The input'} is not a JSON object.`);
    const metadata = isMap(item.metadata) ? item.metadata : item;
    const names = [
      item.collection,
      item.schema,
      isMap(metadata) ? metadata.$schema : undefined,
      isMap(metadata) ? metadata.$ana_type : undefined,
    ];
    const capSchema =
      names.find((name): name is string => typeof name === 'string' && name !== '') ?? '';
    return { from, capSchema, metadata, wrapper: item };
  });
}

export function detectShape(capSchema: string): CapShape | undefined {
  const name = capSchema.includes('/') ? schemaName(capSchema) : capSchema;
  return name ? SHAPES[name.toLowerCase()] : undefined;
}

export function importCap(input: unknown, options: { today: string }): CapImport[] {
  return candidates(input).map((candidate, index) => {
    const shape = detectShape(candidate.capSchema);
    if (!shape)
      throw new CapImportError(
        `${candidate.from || 'The record'} names no CAP schema Capsule knows (${JSON.stringify(candidate.capSchema)}); expected cms-analysis, atlas-analysis, lhcb, alice-analysis or their 2016–2018 names.`,
      );
    const source = new SourceFields(candidate.metadata);
    for (const [field, reason] of Object.entries(SYSTEM))
      if (source.get(field) !== undefined) source.refuse(reason, field);
    const target = CAPSULE[shape];
    const people: Person[] = [];
    const files: ExtraFile[] = [];
    const draft: Draft = {};
    if (shape === 'cms') mapCms(source, draft, people);
    else if (shape === 'atlas') mapAtlas(source, draft, people, files);
    else if (shape === 'lhcb') mapLhcb(source, draft, people);
    else mapAlice(source, draft, people);
    const filled: string[] = [];
    const access = mapAccess(source);
    for (const key of ['deposit-admin', 'deposit-update'])
      if (source.get('_access', key) !== undefined)
        source.refuse('write access is the forge’s permission, not the record’s', '_access', key);
    filled.push(
      `access.level: collaboration (CAP records are closed; make it public only when the collaboration releases it)`,
    );
    if (draft.created === undefined)
      filled.push(`created: ${options.today} (the day of the import; CAP did not say)`);
    filled.push("version: '1'");
    const record: Draft = {
      $schema: target.schema,
      ...(draft.title !== undefined ? { title: draft.title } : {}),
      ...(draft.abstract !== undefined ? { abstract: draft.abstract } : {}),
      version: '1',
      ...(draft.status !== undefined ? { status: draft.status } : {}),
      created: draft.created ?? options.today,
      experiment: target.experiment,
      collaboration: target.collaboration,
      access,
      ...(people.length ? { people } : {}),
    };
    for (const [key, value] of Object.entries(draft)) if (!(key in record)) record[key] = value;
    const { fields, empty } = source.unmapped();
    return {
      from: candidate.from,
      capSchema: candidate.capSchema,
      shape,
      slug: slugFor(record, shape, index),
      record,
      files,
      filled,
      unmapped: fields,
      empty,
    };
  });
}

function slugFor(record: Draft, shape: CapShape, index: number): string {
  const experimentBlock = record[shape] as Draft | undefined;
  const id = (experimentBlock?.cadi_id ??
    experimentBlock?.ana_id ??
    experimentBlock?.analysis_reference) as string | undefined;
  const base =
    id ?? (typeof record.title === 'string' ? record.title : `${shape}-record-${index + 1}`);
  return (
    base
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60)
      .replace(/-$/, '') || `${shape}-record-${index + 1}`
  );
}
