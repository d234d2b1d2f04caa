import type { ExportContext } from '../../../scripts/lib/export/context.ts';
import type { RecordMetadata } from '../../../scripts/lib/records/types.ts';

/** One record with every field the exports map, and its context. */
export const RECORD: RecordMetadata = {
  $schema: 'cms-analysis/1.0.0',
  title: 'Measurement of the Higgs boson\n  decaying to τ leptons & 100% of {stuff}',
  abstract: 'A measurement of H → ττ with <b>35.9 fb⁻¹</b>.',
  version: '2',
  status: 'published',
  created: '2017-08-01',
  updated: '2019-03-04',
  experiment: 'CMS',
  collaboration: 'CMS Collaboration',
  access: { level: 'public' },
  people: [
    {
      given_name: 'Ada',
      family_name: 'Lovelace',
      orcid: '0000-0002-1825-0097',
      affiliations: [{ name: 'CERN', ror: '01ggx4157' }],
      email: 'ada@example.org',
      roles: ['analyst', 'contact'],
    },
    { given_name: 'Émile', family_name: 'Du Châtelet', roles: ['analyst'] },
    { given_name: 'Grace', family_name: 'Hopper', roles: ['reviewer'] },
  ],
  keywords: ['Higgs boson', 'tau'],
  physics_themes: ['higgs'],
  collision: {
    system: 'pp',
    sqrt_s_tev: 13,
    integrated_luminosity: { value: 35.9, unit: 'fb-1' },
    years: ['2016'],
  },
  publications: [
    {
      type: 'article',
      title: 'Observation of the SM scalar boson decaying to τ pairs',
      doi: '10.1016/j.physletb.2018.02.004',
      arxiv: '1708.00373',
      journal: 'Phys. Lett. B 779 (2018) 283',
      year: 2018,
    },
  ],
  datasets: [
    {
      title: '/Tau/Run2016B-03Feb2017-v2/MINIAOD',
      kind: 'collision-data',
      format: 'MINIAOD',
      events: 68727458,
      doi: '10.7483/OPENDATA.CMS.ABCD.1234',
    },
  ],
  code: [
    {
      url: 'https://github.com/cms-analysis/htt',
      tag: 'v1.2.0',
      commit: 'fb67ad18445e5bb2cc4e21f69d1a036e6f4aec37',
      license: 'Apache-2.0',
    },
  ],
  containers: [{ image: 'gitlab-registry.cern.ch/cms/htt', tag: 'v1.2.0' }],
  workflow: { engine: 'reana', file: 'reana.yaml' },
  files: [
    {
      path: 'files/fit.C',
      size: 12,
      sha256: 'a'.repeat(64),
      media_type: 'text/x-c',
      description: 'The fit macro.',
    },
  ],
  license: 'CC-BY-4.0',
  doi: '10.5281/zenodo.1234567',
  concept_doi: '10.5281/zenodo.1234566',
};

export function context(overrides: Partial<ExportContext> = {}): ExportContext {
  const pageUrl = 'https://archive.example.org/records/cms/higgs-tautau-2016/';
  return {
    recordId: 'cms/higgs-tautau-2016',
    collection: 'cms',
    archiveName: 'Example archive',
    siteUrl: 'https://archive.example.org/',
    pageUrl,
    publisher: 'Example archive',
    published: '2019-03-04',
    today: '2026-11-22',
    relatedRecordDois: [],
    files: [
      { path: 'record.yaml', size: 900 },
      { path: 'reana.yaml', size: 300 },
      { path: 'files/fit.C', size: 12, sha256: 'a'.repeat(64) },
      { path: 'files/100% plot.svg', size: 40 },
    ],
    fileUrl: (path) => `${pageUrl}${path}`,
    ...overrides,
  };
}
