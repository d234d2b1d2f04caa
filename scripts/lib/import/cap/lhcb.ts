import type { Person } from '../../records/types.ts';
import { isMap } from '../../validate/data.ts';
import type { SourceFields } from '../source-fields.ts';
import { addPerson, mapLink, mapPerson, mapStatus } from './common.ts';
import type { Draft } from './common.ts';
import { push, takeTitle } from './cms.ts';

/**
 * CAP's LHCb analyses: `lhcb` (2019 on: basic_info with proponents and reviewers, stripping and
 * Turbo selections, n-tuple and user-DST production, user_analysis) and `LHCbAnalysis`
 * (2016–2018: basic_info with analysis_name/number, extra_info, publications with CDS links).
 */
export function mapLhcb(source: SourceFields, record: Draft, people: Person[]): void {
  const lhcb: Draft = {};
  const title = takeTitle(source, [
    ['general_title'],
    ['basic_info', 'analysis_title'],
    ['basic_info', 'analysis_name'],
  ]);
  if (title) record.title = title;
  const number = source.text('basic_info', 'analysis_number');
  if (number) {
    const id = number.startsWith('LHCb-') ? number : `LHCb-${number}`;
    if (/^LHCb-ANA-[0-9]{4}-[0-9]{3}$/.test(id)) {
      lhcb.ana_id = id;
      source.use('basic_info', 'analysis_number');
    } else
      source.refuse(
        'not an LHCb analysis number (LHCb-ANA-YYYY-NNN)',
        'basic_info',
        'analysis_number',
      );
  }
  const status =
    source.text('basic_info', 'analysis_status') ?? source.text('extra_info', 'status');
  const mapped = status ? mapStatus(status.replace(/^\d+\s*-\s*/, '')) : undefined;
  const statusPath = source.text('basic_info', 'analysis_status')
    ? ['basic_info', 'analysis_status']
    : ['extra_info', 'status'];
  if (mapped) {
    record.status = mapped;
    source.use(...statusPath);
  } else if (status) source.refuse('a status Capsule cannot place', ...statusPath);
  const measurement = source.text('basic_info', 'measurement');
  if (measurement) {
    lhcb.measurement = measurement.slice(0, 300);
    source.use('basic_info', 'measurement');
  }
  const keywords = source.text('basic_info', 'keywords');
  if (keywords) {
    for (const keyword of keywords
      .split(/[,;]/)
      .map((k) => k.trim())
      .filter(Boolean))
      push(record, 'keywords', keyword.slice(0, 100));
    source.use('basic_info', 'keywords');
  }
  source
    .list('basic_info', 'analysis_proponents')
    .forEach((_, i) =>
      addPerson(people, mapPerson(source, ['basic_info', 'analysis_proponents', i], 'analyst')),
    );
  source
    .list('basic_info', 'reviewers')
    .forEach((_, i) =>
      addPerson(people, mapPerson(source, ['basic_info', 'reviewers', i], 'reviewer')),
    );
  const egroups: Array<[string[], string | undefined]> = [
    [['basic_info', 'review_egroup'], source.text('basic_info', 'review_egroup')],
    [['extra_info', 'egroup'], source.text('extra_info', 'egroup')],
  ];
  for (const [path, raw] of egroups) {
    const egroup = raw?.replace(/["']/g, '').replace(/@cern\.ch$/, '');
    if (!egroup) continue;
    if (/^lhcb-[a-z0-9-]+$/i.test(egroup)) {
      lhcb.review_egroup ??= egroup.toLowerCase();
      source.use(...path);
    } else source.refuse('not an LHCb e-group name (lhcb-...)', ...path);
  }
  const arxiv = source.text('extra_info', 'arxiv');
  if (arxiv && /^\d{4}\.\d{4,5}$/.test(arxiv)) {
    push(record, 'publications', { type: 'article', title: title ?? 'Paper', arxiv });
    source.use('extra_info', 'arxiv');
  }
  const twiki = mapLink(source, ['extra_info', 'twiki'], 'Analysis TWiki');
  if (twiki) push(record, 'links', twiki);
  // Publications: CDS links (2016) or the 2019 fields.
  for (const base of [['publications'], ['additional_resources', 'publications']]) {
    source.list(...base).forEach((entry, i) => {
      if (!isMap(entry)) return;
      const url = source.text(...base, i, 'url');
      const cds = url ? /cds\.cern\.ch\/record\/(\d+)/.exec(url)?.[1] : undefined;
      const doi = url ? /doi\.org\/(10\.\d{4,9}\/\S+)$/.exec(url)?.[1] : undefined;
      const publication: Draft = {
        type: doi ? 'article' : 'analysis-note',
        title: title ?? 'Analysis note',
      };
      if (doi) {
        publication.doi = decodeURIComponent(doi);
        source.use(...base, i, 'url');
      }
      if (cds) {
        publication.cds = cds;
        publication.url = `https://cds.cern.ch/record/${cds}`;
        source.use(...base, i, 'url');
      }
      const paperArxiv = source.text(...base, i, 'arxiv_id');
      if (paperArxiv && /^\d{4}\.\d{4,5}$/.test(paperArxiv)) {
        publication.type = 'article';
        publication.arxiv = paperArxiv;
        source.use(...base, i, 'arxiv_id');
      }
      const group =
        source.text(...base, i, 'reviewegroup') ?? source.text(...base, i, 'review_egroup');
      const key = source.text(...base, i, 'reviewegroup') ? 'reviewegroup' : 'review_egroup';
      const clean = group?.replace(/["']/g, '');
      if (clean && /^lhcb-[a-z0-9-]+$/i.test(clean)) {
        lhcb.review_egroup ??= clean.toLowerCase();
        if (lhcb.review_egroup === clean.toLowerCase()) source.use(...base, i, key);
      }
      const roles = source.text(...base, i, 'roles');
      if (roles === '[object Object]')
        source.refuse('a value CAP stored broken ("[object Object]")', ...base, i, 'roles');
      if (Object.keys(publication).length > 2) push(record, 'publications', publication);
    });
  }
  for (const group of ['internal_discussions', 'presentations', 'documentations']) {
    for (const base of [[group], ['additional_resources', group]]) {
      source.list(...base).forEach((entry, i) => {
        if (!isMap(entry)) return;
        const title =
          [entry.meeting, entry.title].filter((t) => typeof t === 'string' && t).join(': ') ||
          group.replace('_', ' ');
        const link = mapLink(source, [...base, i, 'url'], title);
        if (!link) return;
        push(record, 'links', link);
        for (const key of ['meeting', 'title'])
          if (typeof entry[key] === 'string') source.use(...base, i, key);
      });
    }
  }
  // Selections and productions.
  source.list('stripping_turbo_selection').forEach((_, i) => {
    const name = source.text('stripping_turbo_selection', i, 'stripping_turbo_line');
    if (!name || !/^[A-Za-z0-9_]+$/.test(name)) return;
    const line: Draft = { name };
    source.use('stripping_turbo_selection', i, 'stripping_turbo_line');
    const type = source.text('stripping_turbo_selection', i, 'dataset_type')?.toLowerCase();
    if (type) {
      line.dataset_type = type.includes('sim') || type.includes('mc') ? 'simulation' : 'real-data';
      source.use('stripping_turbo_selection', i, 'dataset_type');
    }
    const paths = source
      .list('stripping_turbo_selection', i, 'bookkeping_locations')
      .filter(
        (p): p is string => typeof p === 'string' && /^(?:sim:)?\/[A-Za-z0-9_. /-]+$/.test(p),
      );
    if (paths.length) {
      line.bookkeeping_paths = [...new Set(paths)];
      source.use('stripping_turbo_selection', i, 'bookkeping_locations');
    }
    push(
      lhcb,
      /turbo/i.test(name) ? 'turbo_lines' : 'stripping_lines',
      /turbo/i.test(name)
        ? { name, ...(line.dataset_type ? { dataset_type: line.dataset_type } : {}) }
        : line,
    );
  });
  source.list('ntuple_userdst_production').forEach((_, i) => {
    const davinci = source.text('ntuple_userdst_production', i, 'davinci_version');
    if (davinci && /^v[0-9]+r[0-9]+(?:p[0-9]+)?$/.test(davinci)) {
      lhcb.davinci_version ??= davinci;
      source.use('ntuple_userdst_production', i, 'davinci_version');
    }
    const platform = source.text('ntuple_userdst_production', i, 'platform');
    if (platform && /^[a-z0-9_]+-[a-z0-9]+-[a-z0-9]+-(?:opt|dbg)$/.test(platform)) {
      lhcb.platform ??= platform;
      source.use('ntuple_userdst_production', i, 'platform');
    }
  });
  // 2016–2018: the software of each analysis step.
  for (const base of [
    ['dst_selection'],
    ...source.list('analysis_steps').map((_, i) => ['analysis_steps', i]),
  ]) {
    source.list(...base, 'code', 'lhcb_code').forEach((entry, i) => {
      const davinci =
        typeof entry === 'string'
          ? /^DaVinci\s+(v[0-9]+r[0-9]+(?:p[0-9]+)?)$/.exec(entry.trim())?.[1]
          : undefined;
      if (!davinci) return;
      lhcb.davinci_version ??= davinci;
      if (lhcb.davinci_version === davinci) source.use(...base, 'code', 'lhcb_code', i);
    });
    const platform = source.text(...base, 'code', 'platform');
    if (platform && /^[a-z0-9_]+-[a-z0-9]+-[a-z0-9]+-(?:opt|dbg)$/.test(platform)) {
      lhcb.platform ??= platform;
      if (lhcb.platform === platform) source.use(...base, 'code', 'platform');
    }
    source.list(...base, 'code', 'user_code').forEach((_, i) => {
      const link = mapLink(source, [...base, 'code', 'user_code', i, 'link'], 'code');
      if (link) push(record, 'code', { url: link.url });
    });
  }
  for (const key of ['gitlab_links', 'additional_repos']) {
    source.list('user_analysis', key).forEach((entry, i) => {
      const link =
        typeof entry === 'string' ? mapLink(source, ['user_analysis', key, i], 'code') : undefined;
      if (link) push(record, 'code', { url: link.url });
    });
  }
  source.list('user_analysis', 'docker_registries').forEach((entry, i) => {
    if (typeof entry !== 'string') return;
    const [image, tag] = entry.replace(/^docker:\/\//, '').split(':');
    if (
      image &&
      /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?::[0-9]+)?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)+$/.test(
        image,
      )
    ) {
      push(record, 'containers', tag ? { image, tag } : { image });
      source.use('user_analysis', 'docker_registries', i);
    }
  });
  const command = source.text('user_analysis', 'basic_scripts', 'command');
  if (command) {
    record.workflow ??= { engine: 'other' };
    push(record.workflow as Draft, 'commands', command.slice(0, 2000));
    source.use('user_analysis', 'basic_scripts', 'command');
  }
  if (Object.keys(lhcb).length) record.lhcb = lhcb;
}
