import { describe, expect, it } from 'vitest';
import { carriesMarker, depositMetadata } from '../../../scripts/lib/zenodo/metadata.ts';
import type { DepositContext } from '../../../scripts/lib/zenodo/metadata.ts';
import { sampleRecord } from '../../fixtures/records/sample-record.ts';

const context: DepositContext = {
  recordId: 'cms/higgs-tautau-2016',
  pageUrl: 'https://archive.example.org/records/cms/higgs-tautau-2016/',
  archiveName: 'Demo <archive>',
  communities: ['capsule-demo-cms', 'capsule-demo', 'capsule-demo'],
  published: '2026-11-22',
  today: '2026-11-22',
};

describe('depositMetadata', () => {
  const metadata = depositMetadata(sampleRecord(), context);

  it('credits analysts as creators with ORCID and their affiliations, others as typed contributors', () => {
    expect(metadata.creators).toEqual([
      {
        name: 'Okafor, Amara',
        affiliation: 'Imperial College London; CERN',
        orcid: '0000-0002-1825-0097',
      },
      { name: 'Baumann, Henrik', affiliation: 'DESY' },
    ]);
    expect(metadata.contributors).toEqual([
      {
        name: 'Okafor, Amara',
        affiliation: 'Imperial College London; CERN',
        orcid: '0000-0002-1825-0097',
        type: 'ContactPerson',
      },
      { name: 'Marchetti, Sofia', type: 'ProjectLeader' },
      { name: 'Osei, Daniel', type: 'Other' },
      { name: 'CMS Collaboration', type: 'ResearchGroup' },
    ]);
  });

  it('relates the paper (DOI and arXiv) as isSupplementTo, data as references, pinned code as isDerivedFrom', () => {
    expect(metadata.related_identifiers).toEqual([
      {
        identifier: '10.1016/j.physletb.2018.02.004',
        relation: 'isSupplementTo',
        scheme: 'doi',
        resource_type: 'publication-article',
      },
      {
        identifier: 'arXiv:1708.00373',
        relation: 'isSupplementTo',
        scheme: 'arxiv',
        resource_type: 'publication-preprint',
      },
      {
        identifier: 'https://cds.cern.ch/record/2264511',
        relation: 'isSupplementTo',
        scheme: 'url',
        resource_type: 'publication-report',
      },
      {
        identifier: '10.7483/OPENDATA.CMS.A342.9982',
        relation: 'references',
        scheme: 'doi',
        resource_type: 'dataset',
      },
      {
        identifier: 'https://opendata.cern.ch/record/12360',
        relation: 'references',
        scheme: 'url',
        resource_type: 'dataset',
      },
      {
        identifier: 'https://www.hepdata.net/record/122388',
        relation: 'references',
        scheme: 'url',
        resource_type: 'dataset',
      },
      {
        identifier:
          'https://gitlab.cern.ch/capsule-demo/cms-htt-2016/-/tree/fb67ad18445e5bb2cc4e21f69d1a036e6f4aec37',
        relation: 'isDerivedFrom',
        scheme: 'url',
        resource_type: 'software',
      },
      {
        identifier: 'https://github.com/cms-analysis/HiggsAnalysis-CombinedLimit',
        relation: 'references',
        scheme: 'url',
        resource_type: 'software',
      },
      { identifier: context.pageUrl, relation: 'isAlternateIdentifier', scheme: 'url' },
    ]);
    expect(carriesMarker(metadata as unknown as { [key: string]: unknown }, context.pageUrl)).toBe(
      true,
    );
    expect(
      carriesMarker(
        metadata as unknown as { [key: string]: unknown },
        'https://archive.example.org/records/cms/other/',
      ),
    ).toBe(false);
  });

  it('sends version, licence, open access, keywords with the experiment, and each community once', () => {
    expect(metadata).toMatchObject({
      upload_type: 'other',
      version: '2',
      license: 'cc-by-4.0',
      access_right: 'open',
      publication_date: '2026-11-22',
      keywords: ['Higgs boson', 'tau leptons', 'CMS'],
      communities: [{ identifier: 'capsule-demo-cms' }, { identifier: 'capsule-demo' }],
    });
    expect(metadata).not.toHaveProperty('embargo_date');
    // A `doi` would make Zenodo use it instead of minting one.
    expect(metadata).not.toHaveProperty('doi');
  });

  it('writes the abstract as escaped HTML paragraphs and says where the record is preserved', () => {
    expect(metadata.description).toBe(
      [
        '<p>A measurement of the H→ττ signal strength.</p>',
        '<p>The observed significance is 4.9σ &amp; more.</p>',
        '<p>Results: H→ττ is observed at 4.9σ.</p>',
        '<p>Preserved in Demo &lt;archive&gt; as <a href="https://archive.example.org/records/cms/higgs-tautau-2016/">cms/higgs-tautau-2016</a>, version 2.</p>',
      ].join('\n'),
    );
  });

  it('deposits a record under embargo as embargoed until its date, and an expired embargo as open', () => {
    const embargoed = depositMetadata(
      sampleRecord({ access: { level: 'public', embargo_until: '2027-06-30' } }),
      context,
    );
    expect(embargoed).toMatchObject({ access_right: 'embargoed', embargo_date: '2027-06-30' });
    const lifted = depositMetadata(
      sampleRecord({ access: { level: 'public', embargo_until: '2026-01-01' } }),
      context,
    );
    expect(lifted.access_right).toBe('open');
    expect(lifted).not.toHaveProperty('embargo_date');
  });

  it('falls back to the archive licence, and credits everyone when nobody is an analyst', () => {
    const record = sampleRecord({
      license: undefined,
      people: [{ given_name: 'Sofia', family_name: 'Marchetti', roles: ['convener'] }],
    });
    const metadata = depositMetadata(record, { ...context, defaultLicense: 'CC0-1.0' });
    expect(metadata.license).toBe('cc0-1.0');
    expect(metadata.creators).toEqual([{ name: 'Marchetti, Sofia' }]);
  });
});
