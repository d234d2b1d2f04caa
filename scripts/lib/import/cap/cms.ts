import type { Person } from '../../records/types.ts';
import { isMap } from '../../validate/data.ts';
import type { SourceFields } from '../source-fields.ts';
import { addPerson, mapIdentifiers, mapLink, mapPerson, mapStatus } from './common.ts';
import type { Draft } from './common.ts';

/**
 * CAP's CMS analyses, both shapes: `cms-analysis` (2019 on: basic_info with cadi_id, cadi_info,
 * input_data, ntuples_production, additional_resources, the reuse-mode measurements) and
 * `CMSAnalysis` (2016–2018: basic_info with people_info and software, main_measurements with the
 * final-state particles, input_datasets).
 */
const CADI = /^[A-Z0-9]{3}-[0-9]{2}-[0-9]{3}$/;
const NOTE = /^AN-(?:[0-9]{4}\/[0-9]{3}|[0-9]{2}-[0-9]{3})$/;
const DAS = /^\/[A-Za-z0-9_.+-]+\/[A-Za-z0-9_.+-]+\/[A-Z][A-Z0-9-]*$/;
const THEMES = [
  'higgs',
  'top',
  'electroweak',
  'qcd',
  'b-physics',
  'flavour',
  'heavy-ions',
  'standard-model',
  'beyond-standard-model',
  'susy',
  'exotica',
  'dark-matter',
  'forward',
  'jets',
  'neutrino',
  'spectroscopy',
  'detector-performance',
];
const OBJECTS: { [cap: string]: string } = {
  muon: 'muon',
  electron: 'electron',
  tau: 'tau',
  photon: 'photon',
  jet: 'jet',
  bjet: 'b-jet',
  'b-jet': 'b-jet',
  met: 'met',
  track: 'track',
  vertex: 'vertex',
};

export function mapCms(source: SourceFields, record: Draft, people: Person[]): void {
  const cms: Draft = {};
  const results: Draft = {};
  // Title and abstract.
  const title = takeTitle(source, [['general_title'], ['cadi_info', 'name']]);
  if (title) record.title = title;
  for (const path of [
    ['basic_info', 'abstract'],
    ['cadi_info', 'description'],
  ] as const) {
    const text = source.text(...path);
    if (text && record.abstract === undefined) {
      record.abstract = text;
      source.use(...path);
    }
  }
  const conclusion = source.text('basic_info', 'conclusion');
  if (conclusion) {
    results.summary = conclusion;
    source.use('basic_info', 'conclusion');
  }
  // Identifiers: the CADI line, analysis notes, the PAS.
  const cadi = source.text('basic_info', 'cadi_id');
  if (cadi && CADI.test(cadi)) {
    cms.cadi_id = cadi;
    source.use('basic_info', 'cadi_id');
  } else if (cadi) source.refuse('not a CADI id (XXX-YY-NNN)', 'basic_info', 'cadi_id');
  const number = source.text('basic_info', 'analysis_number');
  if (number) {
    if (CADI.test(number)) cms.cadi_id = number;
    else if (NOTE.test(number)) cms.analysis_notes = [number];
    if (CADI.test(number) || NOTE.test(number)) source.use('basic_info', 'analysis_number');
    else
      source.refuse(
        'neither a CADI id nor an analysis note number (AN-YYYY/NNN)',
        'basic_info',
        'analysis_number',
      );
  }
  const notes = source.list('basic_info', 'ana_notes').filter((n, i) => {
    const ok = typeof n === 'string' && NOTE.test(n);
    if (ok) source.use('basic_info', 'ana_notes', i);
    else source.refuse('not an analysis note number (AN-YYYY/NNN)', 'basic_info', 'ana_notes', i);
    return ok;
  });
  if (notes.length)
    cms.analysis_notes = [
      ...new Set([...((cms.analysis_notes as string[]) ?? []), ...(notes as string[])]),
    ];
  const pas = source.text('cadi_info', 'pas');
  if (pas && /^CMS-PAS-[A-Z0-9]{3}-[0-9]{2}-[0-9]{3}$/.test(pas)) {
    cms.pas = pas;
    source.use('cadi_info', 'pas');
  } else if (pas) source.refuse('not a PAS number (CMS-PAS-XXX-YY-NNN)', 'cadi_info', 'pas');
  for (const key of ['status', 'publication_status']) {
    const text = source.text('cadi_info', key);
    const status = text ? mapStatus(text) : undefined;
    if (status && record.status === undefined) {
      record.status = status;
      source.use('cadi_info', key);
    } else if (text && !status)
      source.refuse('a CADI status Capsule cannot place', 'cadi_info', key);
  }
  const created = source.text('cadi_info', 'created')?.slice(0, 10);
  if (created && /^\d{4}-\d{2}-\d{2}$/.test(created)) {
    record.created = created;
    source.use('cadi_info', 'created');
  }
  const contact = source.text('cadi_info', 'contact');
  if (contact) addPerson(people, mapPerson(source, ['cadi_info', 'contact'], 'contact'));
  const paper = source.text('cadi_info', 'paper');
  if (paper) {
    ((record.publications as unknown[]) ??= []).push({
      type: 'article',
      title: title ?? paper,
      report_number: paper,
    });
    source.use('cadi_info', 'paper');
  }
  const twiki = mapLink(source, ['cadi_info', 'twiki'], 'CADI TWiki');
  if (twiki) ((record.links as unknown[]) ??= []).push(twiki);
  // People (2016: one contact as "names").
  if (source.get('basic_info', 'people_info') !== undefined) {
    const info = source.get('basic_info', 'people_info');
    if (Array.isArray(info))
      info.forEach((_, i) =>
        addPerson(people, mapPerson(source, ['basic_info', 'people_info', i], 'analyst')),
      );
    else addPerson(people, mapPerson(source, ['basic_info', 'people_info'], 'contact'));
  }
  // Software.
  const software = source.text('basic_info', 'software', 'name');
  const version = source.text('basic_info', 'software', 'version');
  if (software === 'CMSSW' && version && /^[0-9]+_[0-9]+_[0-9]+/.test(version)) {
    cms.cmssw_release = `CMSSW_${version.replace(/^CMSSW_/, '')}`;
    source.use('basic_info', 'software');
  }
  // Keywords.
  const keywords = source.get('basic_info', 'analysis_keywords');
  if (isMap(keywords)) {
    for (const [group, values] of Object.entries(keywords)) {
      if (!Array.isArray(values)) continue;
      values.forEach((value, i) => {
        if (typeof value !== 'string') return;
        const lower = value.toLowerCase().replace(/\s+/g, '-');
        const theme = THEMES.find(
          (t) => t === lower || t.replace('-', ' ') === value.toLowerCase(),
        );
        if (group === 'physics_theme' && theme) push(record, 'physics_themes', theme);
        else if (group === 'final_states') push(record, 'final_states', value);
        else push(record, 'keywords', value);
        source.use('basic_info', 'analysis_keywords', group, i);
      });
    }
  }
  const extra = source.text('additional_resources', 'keywords');
  if (extra) {
    for (const keyword of extra
      .split(/[,;]/)
      .map((k) => k.trim())
      .filter(Boolean))
      push(record, 'keywords', keyword);
    source.use('additional_resources', 'keywords');
  }
  // Input data.
  const datasets = (group: string[], kind: 'primary' | 'signal' | 'background') => {
    source.list(...group).forEach((entry, i) => {
      const name =
        typeof entry === 'string' ? entry : isMap(entry) ? (entry.path ?? entry.name) : undefined;
      if (typeof name !== 'string' || !DAS.test(name.trim())) {
        if (name !== undefined)
          source.refuse('not a DAS dataset name (/Primary/Processed/TIER)', ...group, i);
        return;
      }
      if (kind === 'primary') push(cms, 'primary_datasets', { name: name.trim() });
      else push(cms, 'mc_datasets', { name: name.trim(), type: kind });
      source.use(...group, i);
    });
  };
  datasets(['input_data', 'primary_datasets'], 'primary');
  datasets(['input_data', 'mc_sig_datasets'], 'signal');
  datasets(['input_data', 'mc_bg_datasets'], 'background');
  datasets(['input_datasets', 'primary_datasets'], 'primary');
  datasets(['input_datasets', 'mc_sig_dataset'], 'signal');
  datasets(['input_datasets', 'mc_bg_dataset'], 'background');
  source.list('input_data', 'custom_datasets').forEach((entry, i) => {
    const path = source.text('input_data', 'custom_datasets', i, 'path');
    if (!path || path.length < 2) return;
    push(record, 'datasets', {
      title: path.slice(0, 500),
      kind:
        source.text('input_data', 'custom_datasets', i, 'type') === 'external'
          ? 'external'
          : 'derived',
    });
    source.use('input_data', 'custom_datasets', i);
  });
  // N-tuple production.
  source.list('ntuples_production').forEach((_, i) => {
    const step: Draft = { description: 'N-tuple production' };
    const code = source.text('ntuples_production', i, 'code_base');
    if (code) {
      step.configuration = code.slice(0, 500);
      source.use('ntuples_production', i, 'code_base');
    }
    source.list('ntuples_production', i, 'processing_steps').forEach((__, j) => {
      const run = source.text('ntuples_production', i, 'processing_steps', j, 'run_instructions');
      if (run) {
        push(step, 'commands', run.slice(0, 2000));
        source.use('ntuples_production', i, 'processing_steps', j, 'run_instructions');
      }
      const config = source.text(
        'ntuples_production',
        i,
        'processing_steps',
        j,
        'configuration_file',
      );
      if (config && step.configuration === undefined) {
        step.configuration = config.slice(0, 500);
        source.use('ntuples_production', i, 'processing_steps', j, 'configuration_file');
      }
    });
    if (Object.keys(step).length > 1) push(cms, 'ntuple_production', step);
  });
  // Measurements (reuse mode, and 2016's main_measurements).
  source.list('main_measurements').forEach((_, i) => {
    for (const key of ['description', 'measurement_description']) {
      const text = source.text('main_measurements', i, key);
      if (!text) continue;
      if (record.abstract === undefined) record.abstract = text;
      else results.summary ??= text;
      if (record.abstract === text || results.summary === text)
        source.use('main_measurements', i, key);
    }
    const url =
      source.text('main_measurements', i, 'code_base', 'url') ??
      source.text('main_measurements', i, 'analysis_code');
    if (url) {
      const link = mapLink(
        source,
        source.text('main_measurements', i, 'code_base', 'url')
          ? ['main_measurements', i, 'code_base', 'url']
          : ['main_measurements', i, 'analysis_code'],
        'code',
      );
      if (link) {
        const tag = source.text('main_measurements', i, 'code_base', 'tag');
        push(record, 'code', tag ? { url: link.url, tag } : { url: link.url });
        if (tag) source.use('main_measurements', i, 'code_base', 'tag');
      }
    }
    source.list('main_measurements', i, 'processing_steps').forEach((step, j) => {
      if (typeof step === 'string' && step.trim()) {
        (record.workflow as Draft | undefined) ??= { engine: 'other' };
        push(record.workflow as Draft, 'commands', step.trim());
        source.use('main_measurements', i, 'processing_steps', j);
      }
    });
    source
      .list('main_measurements', i, 'detector_final_state', 'final_state_particles')
      .forEach((_, j) => {
        const object = physicsObject(source, [
          'main_measurements',
          i,
          'detector_final_state',
          'final_state_particles',
          j,
        ]);
        if (object) push(cms, 'physics_objects', object);
      });
  });
  source.list('systematic_uncertainties').forEach((_, i) => {
    const source_ =
      source.text('systematic_uncertainties', i, 'physics_object') ??
      source.text('systematic_uncertainties', i, 'statement');
    if (!source_) return;
    const entry: Draft = { source: source_.slice(0, 300) };
    const type = source
      .text('systematic_uncertainties', i, 'type')
      ?.toLowerCase()
      .replace(/\s+/g, '-');
    if (
      type &&
      [
        'physics-object',
        'background-estimation',
        'simulation',
        'luminosity',
        'theory',
        'other',
      ].includes(type)
    ) {
      entry.type = type;
      source.use('systematic_uncertainties', i, 'type');
    }
    source.use(
      'systematic_uncertainties',
      i,
      source.text('systematic_uncertainties', i, 'physics_object') ? 'physics_object' : 'statement',
    );
    push(cms, 'systematic_uncertainties', entry);
  });
  source.list('background_estimations').forEach((_, i) => {
    const process = source.text('background_estimations', i, 'type');
    if (!process) return;
    const method = source.text('background_estimations', i, 'method')?.toLowerCase() ?? '';
    const mapped = method.includes('control')
      ? 'control-regions'
      : method.includes('simulation') || method.includes('mc')
        ? 'simulation'
        : 'other';
    const entry: Draft = { process: process.slice(0, 200), method: mapped };
    source.use('background_estimations', i, 'type');
    if (method) source.use('background_estimations', i, 'method');
    const regions = source
      .list('background_estimations', i, 'control_regions')
      .filter((r): r is string => typeof r === 'string' && r.trim() !== '');
    if (regions.length) {
      entry.control_regions = regions.map((r) => r.slice(0, 300));
      source.use('background_estimations', i, 'control_regions');
    }
    push(cms, 'background_estimations', entry);
  });
  const finalCode = source.text('final_results', 'code_base');
  if (finalCode) {
    const link = mapLink(source, ['final_results', 'code_base'], 'code');
    if (link) push(record, 'code', { url: link.url });
  }
  // Resources.
  source.list('additional_resources', 'publications').forEach((_, i) => {
    const publication: Draft = {
      type: 'article',
      title: (record.title as string | undefined) ?? 'Publication',
    };
    const journal = source.text('additional_resources', 'publications', i, 'journal_title');
    if (journal) {
      const volume = source.get('additional_resources', 'publications', i, 'journal_volume');
      const page = source.get('additional_resources', 'publications', i, 'journal_page');
      const year = source.get('additional_resources', 'publications', i, 'journal_year');
      publication.journal = [
        journal,
        volume,
        typeof year === 'number' ? `(${year})` : undefined,
        page,
      ]
        .filter((p) => p !== undefined && p !== '')
        .join(' ');
      if (typeof year === 'number' && year >= 1950 && year <= 2100) publication.year = year;
      for (const key of [
        'journal_title',
        'journal_volume',
        'journal_page',
        'journal_year',
        'journal_issue',
      ])
        if (source.get('additional_resources', 'publications', i, key) !== undefined)
          source.use('additional_resources', 'publications', i, key);
    }
    mapIdentifiers(
      source,
      ['additional_resources', 'publications', i, 'persistent_identifiers'],
      publication as never,
    );
    if (Object.keys(publication).length > 2) push(record, 'publications', publication);
  });
  source.list('publications').forEach((_, i) => {
    const publication: Draft = {
      type: 'article',
      title: (record.title as string | undefined) ?? 'Publication',
    };
    mapIdentifiers(source, ['publications', i, 'persistent_identifiers'], publication as never);
    if (Object.keys(publication).length > 2) push(record, 'publications', publication);
  });
  for (const group of ['presentations', 'internal_discussions', 'documentations']) {
    for (const base of [['additional_resources', group], [group]]) {
      source.list(...base).forEach((entry, i) => {
        if (!isMap(entry)) return;
        const urlKey = ['url', 'items', 'link'].find(
          (k) => typeof entry[k] === 'string' && /^https?:\/\//.test(entry[k] as string),
        );
        if (!urlKey) return;
        const title =
          [entry.meeting, entry.conference, entry.title]
            .filter((t) => typeof t === 'string' && t)
            .join(': ') || group.replace('_', ' ');
        const link = mapLink(source, [...base, i, urlKey], title);
        if (!link) return;
        push(record, 'links', link);
        for (const key of ['meeting', 'conference', 'title'])
          if (typeof entry[key] === 'string') source.use(...base, i, key);
      });
    }
  }
  if (Object.keys(cms).length) record.cms = cms;
  if (Object.keys(results).length) record.results = results;
}

function physicsObject(source: SourceFields, path: Array<string | number>): Draft | undefined {
  const raw = source
    .text(...path, 'object')
    ?.toLowerCase()
    .replace(/\s+/g, '');
  const object = raw ? OBJECTS[raw] : undefined;
  if (!object) {
    if (raw) source.refuse('a physics object Capsule does not list', ...path, 'object');
    return undefined;
  }
  source.use(...path, 'object');
  const entry: Draft = { object };
  const selection: string[] = [];
  for (const key of [
    'met_type',
    'met_calo_corrections',
    'jet_type',
    'jet_corrections',
    'sel_criteria',
  ]) {
    const text = source.text(...path, key);
    if (text) {
      selection.push(text);
      source.use(...path, key);
    }
  }
  const tag = source.text(...path, 'bjet_discriminator', 'tag');
  if (tag) {
    selection.push(tag);
    source.use(...path, 'bjet_discriminator', 'tag');
  }
  if (selection.length) entry.selection = selection.join(', ').slice(0, 300);
  source.list(...path, 'pt_cut').forEach((cut, i) => {
    if (isMap(cut) && typeof cut.number === 'number' && (cut.sign === '>' || cut.sign === '>=')) {
      entry.pt_min_gev = cut.number;
      source.use(...path, 'pt_cut', i);
    }
  });
  const count = source.get(...path, 'number');
  if (isMap(count) && typeof count.number === 'number') {
    const sign = count.sign === '=' ? '==' : typeof count.sign === 'string' ? count.sign : '';
    if (/^(?:==|>=|<=|>|<)?$/.test(sign)) {
      entry.multiplicity = `${sign}${count.number}`;
      source.use(...path, 'number');
    }
  }
  return entry;
}

/** The first title among `paths`; the others are refused when they differ (a record has one title). */
export function takeTitle(
  source: SourceFields,
  paths: Array<Array<string | number>>,
): string | undefined {
  let title: string | undefined;
  for (const path of paths) {
    const text = source.text(...path);
    if (!text) continue;
    if (title === undefined || text === title) {
      title ??= text;
      source.use(...path);
    } else
      source.refuse(
        `the record has one title, taken from elsewhere: "${title.slice(0, 60)}"`,
        ...path,
      );
  }
  return title;
}

export function push(target: Draft, key: string, value: unknown): void {
  const list = ((target[key] as unknown[] | undefined) ??= []);
  if (!list.some((existing) => JSON.stringify(existing) === JSON.stringify(value)))
    list.push(value);
}
