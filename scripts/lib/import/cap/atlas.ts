import { createHash } from 'node:crypto';
import type { Person } from '../../records/types.ts';
import { isMap } from '../../validate/data.ts';
import type { SourceFields } from '../source-fields.ts';
import { addPerson, mapIdentifiers, mapPerson, mapStatus } from './common.ts';
import type { Draft } from './common.ts';
import { push, takeTitle } from './cms.ts';

/**
 * CAP's ATLAS analyses: `atlas-analysis` (2019 on: basic_info, Glance information, input
 * datasets, workflows, likelihoods, limits, publications) and `ATLASWorkflows` (2016–2018: the
 * RECAST and other yadage workflows). A workflow specification becomes a file of the record
 * (files/workflows/<name>.json, listed with its size and sha256) and the record's workflow.
 */
const ANALYSIS_REFERENCE = /^ANA-[A-Z]+-[0-9]{4}-[0-9]{2,5}$/;

export interface ExtraFile {
  /** Path inside the record folder. */
  path: string;
  content: string;
}

export function mapAtlas(
  source: SourceFields,
  record: Draft,
  people: Person[],
  files: ExtraFile[],
): void {
  const atlas: Draft = {};
  const title = takeTitle(source, [
    ['general_title'],
    ['basic_info', 'analysis_title'],
    ['basic_info', 'title'],
    ['glance_info', 'full_title'],
  ]);
  if (title) record.title = title;
  const abstract = source.text('basic_info', 'abstract');
  if (abstract) {
    record.abstract = abstract;
    source.use('basic_info', 'abstract');
  }
  source
    .list('basic_info', 'people_info')
    .forEach((_, i) =>
      addPerson(people, mapPerson(source, ['basic_info', 'people_info', i], 'analyst')),
    );
  for (const path of [
    ['basic_info', 'glance_id'],
    ['glance_info', 'id'],
  ]) {
    const id = source.get(...path);
    if ((typeof id === 'string' && /^[0-9]+$/.test(id)) || typeof id === 'number') {
      atlas.glance_id ??= String(id);
      if (atlas.glance_id === String(id)) source.use(...path);
    }
  }
  const reference = source.text('glance_info', 'ref_code');
  if (reference && ANALYSIS_REFERENCE.test(reference)) {
    atlas.analysis_reference = reference;
    source.use('glance_info', 'ref_code');
  } else if (reference)
    source.refuse('not a Glance analysis reference (ANA-GROUP-YEAR-NN)', 'glance_info', 'ref_code');
  const status = source.text('glance_info', 'status');
  if (status && mapStatus(status)) {
    record.status = mapStatus(status);
    source.use('glance_info', 'status');
  }
  const created = source.text('glance_info', 'creation_date')?.slice(0, 10);
  if (created && /^\d{4}-\d{2}-\d{2}$/.test(created)) {
    record.created = created;
    source.use('glance_info', 'creation_date');
  }
  if (source.text('glance_info', 'short_title'))
    source.refuse(
      'Glance short titles are internal labels; the record has one title',
      'glance_info',
      'short_title',
    );
  source.list('input_datasets').forEach((_, i) => {
    const name = source.text('input_datasets', i, 'dataset_title');
    if (!name || !/^[A-Za-z0-9_.:-]+\/?$/.test(name)) return;
    const entry: Draft = { name };
    source.use('input_datasets', i, 'dataset_title');
    const type = source.text('input_datasets', i, 'type')?.toLowerCase();
    if (type === 'data' || type === 'mc') {
      entry.type = type;
      source.use('input_datasets', i, 'type');
    }
    const format = source.text('input_datasets', i, 'format');
    if (format) {
      entry.format = format.slice(0, 100);
      source.use('input_datasets', i, 'format');
    }
    push(atlas, 'input_datasets', entry);
  });
  source.list('glance_info', 'phase_0').forEach((_, i) => {
    const model = source.text('glance_info', 'phase_0', i, 'model_tested');
    if (model) {
      push(atlas, 'models_tested', model.slice(0, 300));
      source.use('glance_info', 'phase_0', i, 'model_tested');
    }
  });
  source.list('publications').forEach((entry, i) => {
    if (!isMap(entry)) return;
    const type = source.text('publications', i, 'type')?.toLowerCase() ?? '';
    const publication: Draft = {
      type: type.includes('note')
        ? 'analysis-note'
        : type.includes('conf')
          ? 'physics-note'
          : 'article',
      title: title ?? 'Publication',
    };
    if (type) source.use('publications', i, 'type');
    mapIdentifiers(source, ['publications', i, 'persistent_identifiers'], publication as never);
    const url = source.text('publications', i, 'url');
    if (url?.startsWith('https://')) {
      publication.url = url;
      source.use('publications', i, 'url');
    }
    if (Object.keys(publication).length > 2) push(record, 'publications', publication);
  });
  // Workflows: each specification a file; the first is the record's workflow.
  source.list('workflows').forEach((entry, i) => {
    if (!isMap(entry)) return;
    const inner = isMap(entry.workflow) ? ['workflows', i, 'workflow'] : ['workflows', i];
    const specification = source.get(...inner);
    if (!isMap(specification) || !Array.isArray(specification.stages)) return;
    const label =
      source.text('workflows', i, 'name') ??
      source.text('workflows', i, 'workflow_title') ??
      `workflow-${i + 1}`;
    const name =
      label
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || `workflow-${i + 1}`;
    const path = `files/workflows/${name}.json`;
    const content = `${JSON.stringify(inner.length === 3 ? specification : { stages: specification.stages }, null, 2)}\n`;
    files.push({ path, content });
    push(record, 'files', {
      path,
      size: Buffer.byteLength(content),
      sha256: createHash('sha256').update(content).digest('hex'),
      kind: 'code',
      media_type: 'application/json',
    });
    if (inner.length === 3) source.use(...inner);
    else source.use('workflows', i, 'stages');
    for (const key of ['name', 'workflow_title'])
      if (source.text('workflows', i, key)) source.use('workflows', i, key);
    if (record.workflow === undefined)
      record.workflow = {
        engine: 'yadage',
        file: path,
        description:
          `${label}: a yadage workflow of ${specification.stages.length} stages (${specification.stages.map((s) => (isMap(s) && typeof s.name === 'string' ? s.name : '?')).join(', ')}).`.slice(
            0,
            5000,
          ),
      };
  });
  if (Object.keys(atlas).length) record.atlas = atlas;
}
