import { describe, expect, it } from 'vitest';
import { importCap } from '../../../scripts/lib/import/cap/import.ts';
import { checkRecordYaml, recordYaml } from '../../../scripts/lib/import/record-yaml.ts';
import { loadSchemas } from '../../../scripts/lib/schemas/load-schemas.ts';
import { REPO_ROOT } from '../../helpers/repo.ts';

/** Deposits in CAP's current shapes (as its API returns them), written for this test. */
const { registry } = await loadSchemas(REPO_ROOT);
const system = {
  _deposit: { id: 'abc123', status: 'draft', owners: [7], created_by: 7 },
  _access: {
    'deposit-read': { users: [7], roles: ['cms-members@cern.ch'] },
    'deposit-admin': { users: [7], roles: [] },
  },
  _buckets: { deposit: 'b1' },
  _files: [{ key: 'fit.C', size: 10, bucket: 'b1' }],
};

const deposits = [
  {
    metadata: {
      $schema:
        'https://analysispreservation.cern.ch/schemas/deposits/records/cms-analysis-v0.0.1.json',
      ...system,
      general_title: 'Search for ZZ resonances',
      basic_info: {
        cadi_id: 'EXO-16-001',
        abstract: 'A search.',
        ana_notes: ['AN-2016/123', 'note 5'],
        conclusion: 'Nothing found.',
        analysis_keywords: {
          physics_theme: ['Exotica'],
          final_states: ['4l'],
          collision_system: ['pp'],
        },
      },
      cadi_info: {
        status: 'PUB',
        created: '2016-02-03T10:00:00',
        pas: 'CMS-PAS-EXO-16-001',
        contact: 'Jane Roe',
        twiki: 'http://twiki.cern.ch/EXO16001',
        name: 'Search for ZZ resonances',
      },
      input_data: {
        primary_datasets: [
          { path: '/DoubleMuon/Run2016B-03Feb2017-v2/MINIAOD' },
          { path: 'not a dataset' },
        ],
        mc_sig_datasets: ['/GluGluToZZ/RunIISummer16-v1/MINIAODSIM'],
      },
      additional_resources: {
        keywords: 'ZZ, resonance',
        publications: [
          {
            journal_title: 'JHEP',
            journal_volume: 5,
            journal_year: 2017,
            persistent_identifiers: [{ identifier: '10.1007/JHEP05(2017)001', scheme: 'DOI' }],
          },
        ],
      },
      analysis_reuse_mode: 'true',
      systematic_uncertainties: [{ type: 'luminosity', statement: '2.5%' }],
    },
  },
  {
    metadata: {
      $ana_type: 'atlas-analysis',
      basic_info: {
        analysis_title: 'Stop search',
        abstract: 'Stops.',
        glance_id: '1234',
        people_info: [{ name: 'Ana Lyst', email: 'ana@example.org', orcid: '0000-0002-1825-0097' }],
      },
      glance_info: {
        ref_code: 'ANA-SUSY-2018-01',
        short_title: 'stop1L',
        creation_date: '2018-01-02',
      },
      input_datasets: [
        {
          dataset_title: 'data18_13TeV.periodAllYear.physics_Main.PhysCont.DAOD_SUSY5',
          type: 'data',
          format: 'DAOD_SUSY5',
        },
      ],
    },
  },
  {
    metadata: {
      $ana_type: 'lhcb',
      basic_info: {
        analysis_title: 'Lepton universality in B decays',
        analysis_status: '5 - approved',
        measurement: 'R(K)',
        analysis_proponents: [{ name: 'Pat Ponent' }],
        reviewers: [{ name: 'Rev Iewer', orcid: 'bad' }],
        review_egroup: 'lhcb-review-rk',
      },
      user_analysis: {
        gitlab_links: ['https://gitlab.cern.ch/lhcb/rk'],
        docker_registries: ['gitlab-registry.cern.ch/lhcb/rk:v1'],
      },
    },
  },
  {
    metadata: {
      $ana_type: 'alice-analysis',
      basic_info: { analysis_title: 'Flow', description: 'Flow in Pb-Pb.' },
      train_analysis: [
        {
          train_id: 'PWGCF/CF_PbPb',
          run_id: '1234',
          dataset: 'LHC15o',
          dataset_aod: 'AOD194',
          wagon_names: 'flow1, flow2',
          run: [{ run_numbers: [246087, 'x'] }],
        },
      ],
    },
  },
];

describe('CAP deposits in the current shapes', () => {
  const [cms, atlas, lhcb, alice] = importCap(deposits, { today: '2026-11-22' });

  it('map to valid Capsule records (drafts at most)', () => {
    for (const item of [cms, atlas, lhcb, alice]) {
      const diagnostics = checkRecordYaml('x.yaml', recordYaml(item!.record, registry), registry);
      expect(
        diagnostics.filter((d) => d.severity === 'error'),
        item!.slug,
      ).toEqual([]);
    }
  });

  it('cms-analysis: CADI, notes, status, datasets, publications, access from the read ACL', () => {
    expect(cms!.record).toMatchObject({
      $schema: 'cms-analysis/1.0.0',
      title: 'Search for ZZ resonances',
      status: 'published',
      created: '2016-02-03',
      access: { level: 'collaboration', groups: ['cms-members@cern.ch'] },
      physics_themes: ['exotica'],
      final_states: ['4l'],
      keywords: ['pp', 'ZZ', 'resonance'],
      links: [{ title: 'CADI TWiki', url: 'https://twiki.cern.ch/EXO16001' }],
      publications: [
        { type: 'article', journal: 'JHEP 5 (2017)', year: 2017, doi: '10.1007/jhep05(2017)001' },
      ],
      cms: {
        cadi_id: 'EXO-16-001',
        pas: 'CMS-PAS-EXO-16-001',
        analysis_notes: ['AN-2016/123'],
        primary_datasets: [{ name: '/DoubleMuon/Run2016B-03Feb2017-v2/MINIAOD' }],
        mc_datasets: [{ name: '/GluGluToZZ/RunIISummer16-v1/MINIAODSIM', type: 'signal' }],
        systematic_uncertainties: [{ source: '2.5%', type: 'luminosity' }],
      },
    });
    const unmapped = Object.fromEntries(cms!.unmapped.map((f) => [f.pointer, f.reason]));
    expect(unmapped).toMatchObject({
      '/basic_info/ana_notes/1': 'not an analysis note number (AN-YYYY/NNN)',
      '/input_data/primary_datasets/1': 'not a DAS dataset name (/Primary/Processed/TIER)',
      '/_deposit': expect.stringContaining('pull request'),
      '/_files': expect.stringContaining("CAP's storage"),
      '/_access/deposit-admin': expect.stringContaining('forge'),
      '/analysis_reuse_mode': expect.stringContaining('switch'),
    });
    expect(cms!.filled).not.toContain(expect.stringContaining('created'));
  });

  it('atlas-analysis, lhcb and alice-analysis: people, Glance, selections, LEGO trains', () => {
    expect(atlas!.record).toMatchObject({
      title: 'Stop search',
      created: '2018-01-02',
      people: [
        {
          given_name: 'Ana',
          family_name: 'Lyst',
          orcid: '0000-0002-1825-0097',
          roles: ['analyst'],
        },
      ],
      atlas: {
        glance_id: '1234',
        analysis_reference: 'ANA-SUSY-2018-01',
        input_datasets: [
          {
            name: 'data18_13TeV.periodAllYear.physics_Main.PhysCont.DAOD_SUSY5',
            type: 'data',
            format: 'DAOD_SUSY5',
          },
        ],
      },
    });
    expect(atlas!.unmapped.map((f) => f.pointer)).toEqual([
      '/$ana_type',
      '/glance_info/short_title',
    ]);
    expect(lhcb!.record).toMatchObject({
      status: 'approved',
      people: [
        { family_name: 'Ponent', roles: ['analyst'] },
        { family_name: 'Iewer', roles: ['reviewer'] },
      ],
      code: [{ url: 'https://gitlab.cern.ch/lhcb/rk' }],
      containers: [{ image: 'gitlab-registry.cern.ch/lhcb/rk', tag: 'v1' }],
      lhcb: { measurement: 'R(K)', review_egroup: 'lhcb-review-rk' },
    });
    expect(lhcb!.unmapped.slice(1)).toEqual([
      { pointer: '/basic_info/reviewers/0/orcid', value: '"bad"', reason: 'not a valid ORCID iD' },
    ]);
    expect(alice!.record).toMatchObject({
      abstract: 'Flow in Pb-Pb.',
      alice: {
        lego_trains: [
          {
            train_name: 'PWGCF/CF_PbPb',
            train_id: '1234',
            dataset: 'LHC15o',
            aod: 'AOD194',
            wagons: ['flow1', 'flow2'],
            runs: ['246087'],
          },
        ],
      },
    });
  });
});
