import { describe, expect, it } from 'vitest';
import { dataciteAttributes } from '../../../scripts/lib/export/datacite.ts';
import type { DataciteContext } from '../../../scripts/lib/export/datacite.ts';
import { missingMandatoryProperties } from '../../../scripts/lib/export/datacite-mandatory.ts';
import { sampleRecord } from '../../fixtures/records/sample-record.ts';

const context: DataciteContext = {
  pageUrl: 'https://archive.example.org/records/cms/higgs-tautau-2016/',
  publisher: 'Capsule demo',
  published: '2026-11-22',
  today: '2026-11-22',
};

describe('dataciteAttributes', () => {
  const minted = dataciteAttributes(
    sampleRecord({ doi: '10.5281/zenodo.100002', concept_doi: '10.5281/zenodo.100001' }),
    context,
  );

  it('has every mandatory DataCite property once the record has a DOI', () => {
    expect(missingMandatoryProperties(minted)).toEqual([]);
    expect(minted).toMatchObject({
      doi: '10.5281/zenodo.100002',
      titles: [
        { title: 'Observation of the Higgs boson decay to a pair of τ leptons', lang: 'en' },
      ],
      publisher: { name: 'Capsule demo' },
      publicationYear: '2026',
      types: { resourceTypeGeneral: 'Other', resourceType: 'Analysis preservation record' },
      schemaVersion: 'http://datacite.org/schema/kernel-4',
    });
  });

  it('names the missing DOI of a record not minted yet', () => {
    expect(missingMandatoryProperties(dataciteAttributes(sampleRecord(), context))).toEqual([
      'doi: the DOI (Identifier) is missing.',
    ]);
  });

  it('identifies creators by ORCID and affiliations by ROR', () => {
    expect(minted.creators[0]).toEqual({
      name: 'Okafor, Amara',
      nameType: 'Personal',
      givenName: 'Amara',
      familyName: 'Okafor',
      nameIdentifiers: [
        {
          nameIdentifier: 'https://orcid.org/0000-0002-1825-0097',
          nameIdentifierScheme: 'ORCID',
          schemeUri: 'https://orcid.org',
        },
      ],
      affiliation: [
        {
          name: 'Imperial College London',
          affiliationIdentifier: 'https://ror.org/041kmwe10',
          affiliationIdentifierScheme: 'ROR',
          schemeUri: 'https://ror.org',
        },
        {
          name: 'CERN',
          affiliationIdentifier: 'https://ror.org/01ggx4157',
          affiliationIdentifierScheme: 'ROR',
          schemeUri: 'https://ror.org',
        },
      ],
    });
    expect(minted.creators[1]).toMatchObject({
      nameIdentifiers: [],
      affiliation: [{ name: 'DESY' }],
    });
    expect(minted.contributors.map((c) => `${c.name} ${c.contributorType}`)).toEqual([
      'Okafor, Amara ContactPerson',
      'Marchetti, Sofia ProjectLeader',
      'Osei, Daniel Other',
      'CMS Collaboration ResearchGroup',
    ]);
  });

  it('relates paper, data and code, is a version of its concept DOI, and has its page as alternate identifier', () => {
    expect(minted.relatedIdentifiers).toContainEqual({
      relatedIdentifier: '10.1016/j.physletb.2018.02.004',
      relatedIdentifierType: 'DOI',
      relationType: 'IsSupplementTo',
      resourceTypeGeneral: 'JournalArticle',
    });
    expect(minted.relatedIdentifiers).toContainEqual({
      relatedIdentifier: 'arXiv:1708.00373',
      relatedIdentifierType: 'arXiv',
      relationType: 'IsSupplementTo',
      resourceTypeGeneral: 'Preprint',
    });
    expect(minted.relatedIdentifiers).toContainEqual({
      relatedIdentifier: '10.7483/OPENDATA.CMS.A342.9982',
      relatedIdentifierType: 'DOI',
      relationType: 'References',
      resourceTypeGeneral: 'Dataset',
    });
    expect(minted.relatedIdentifiers).toContainEqual(
      expect.objectContaining({ relationType: 'IsDerivedFrom', relatedIdentifierType: 'URL' }),
    );
    expect(minted.relatedIdentifiers).toContainEqual({
      relatedIdentifier: '10.5281/zenodo.100001',
      relatedIdentifierType: 'DOI',
      relationType: 'IsVersionOf',
    });
    expect(minted.alternateIdentifiers).toEqual([
      { alternateIdentifier: context.pageUrl, alternateIdentifierType: 'URL' },
    ]);
  });

  it('states licence and access: open, or embargoed with the date it becomes available', () => {
    expect(minted.rightsList).toEqual([
      {
        rights: 'Creative Commons Attribution 4.0 International',
        rightsUri: 'https://creativecommons.org/licenses/by/4.0/legalcode',
        rightsIdentifier: 'cc-by-4.0',
        rightsIdentifierScheme: 'SPDX',
        schemeUri: 'https://spdx.org/licenses/',
      },
      { rights: 'Open Access', rightsUri: 'info:eu-repo/semantics/openAccess' },
    ]);
    const embargoed = dataciteAttributes(
      sampleRecord({ access: { level: 'public', embargo_until: '2027-06-30' } }),
      context,
    );
    expect(embargoed.rightsList[1]).toEqual({
      rights: 'Embargoed Access',
      rightsUri: 'info:eu-repo/semantics/embargoedAccess',
    });
    expect(embargoed.dates).toContainEqual({ date: '2027-06-30', dateType: 'Available' });
  });
});

describe('missingMandatoryProperties', () => {
  it('names each missing or malformed mandatory property', () => {
    expect(
      missingMandatoryProperties({
        doi: 'not-a-doi',
        creators: [{}],
        titles: [],
        publisher: '',
        publicationYear: '26',
        types: { resourceTypeGeneral: 'Analysis' },
      }),
    ).toEqual([
      'doi: "not-a-doi" is not a DOI.',
      'creators[0].name: every creator needs a name.',
      'titles: at least one title is required.',
      'publisher: the publisher is required.',
      'publicationYear: a four-digit year is required.',
      'types.resourceTypeGeneral: "Analysis" is not in DataCite\'s controlled list.',
    ]);
    expect(missingMandatoryProperties(null)).toHaveLength(6);
  });
});
