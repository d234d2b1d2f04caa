import { describe, expect, it } from 'vitest';
import { dataciteAttributes } from '../../../scripts/lib/export/datacite.ts';
import {
  OAI_PMH_NS,
  oaiDatacite,
  oaiDc,
  oaiGetRecord,
  oaiIdentifier,
  oaiIdentify,
  oaiListIdentifiers,
  oaiListMetadataFormats,
  oaiListRecords,
  oaiListSets,
} from '../../../scripts/lib/export/oai.ts';
import type { OaiItem, OaiRepository } from '../../../scripts/lib/export/oai.ts';
import { RECORD, context } from './fixture.ts';
import { parseXml } from '../../helpers/xml.ts';

const DC = 'http://purl.org/dc/elements/1.1/';
const KERNEL = 'http://datacite.org/schema/kernel-4';
const NOW = '2026-11-22T00:00:00Z';

const repository: OaiRepository = {
  name: 'Example archive',
  baseUrl: 'https://archive.example.org/oai',
  adminEmail: 'archive@example.org',
  earliestDatestamp: '2017-08-01',
  sets: [{ spec: 'cms', name: 'CMS analyses' }],
  sampleRecordId: 'cms/higgs-tautau-2016',
};
const item: OaiItem = {
  identifier: oaiIdentifier('https://archive.example.org/', 'cms/higgs-tautau-2016'),
  datestamp: '2019-03-04',
  set: 'cms',
  metadata: {
    oai_dc: oaiDc(RECORD, context()),
    oai_datacite: oaiDatacite(dataciteAttributes(RECORD, context())),
  },
};

const texts = (document: Document, ns: string, name: string) =>
  Array.from(document.getElementsByTagNameNS(ns, name)).map((n) => n.textContent);

describe('OAI-PMH serialisations', () => {
  it('oai_dc is well-formed Dublin Core with the record’s title, creators and identifiers', () => {
    const document = parseXml(item.metadata.oai_dc!);
    expect(document.documentElement.namespaceURI).toBe(
      'http://www.openarchives.org/OAI/2.0/oai_dc/',
    );
    expect(texts(document, DC, 'title')).toEqual([
      'Measurement of the Higgs boson decaying to τ leptons & 100% of {stuff}',
    ]);
    expect(texts(document, DC, 'creator')).toEqual(['Lovelace, Ada', 'Du Châtelet, Émile']);
    expect(texts(document, DC, 'identifier')).toEqual([
      'https://doi.org/10.5281/zenodo.1234567',
      'https://archive.example.org/records/cms/higgs-tautau-2016/',
    ]);
    expect(texts(document, DC, 'description')[0]).toBe(
      'A measurement of H → ττ with <b>35.9 fb⁻¹</b>.',
    );
  });

  it('oai_datacite wraps a DataCite kernel-4 resource with the mandatory properties', () => {
    const document = parseXml(item.metadata.oai_datacite!);
    expect(texts(document, 'http://schema.datacite.org/oai/oai-1.1/', 'schemaVersion')).toEqual([
      '4.5',
    ]);
    const identifier = document.getElementsByTagNameNS(KERNEL, 'identifier')[0]!;
    expect([identifier.getAttribute('identifierType'), identifier.textContent]).toEqual([
      'DOI',
      '10.5281/zenodo.1234567',
    ]);
    for (const name of ['creatorName', 'title', 'publisher', 'publicationYear', 'resourceType'])
      expect(texts(document, KERNEL, name).length, name).toBeGreaterThan(0);
    expect(
      document
        .getElementsByTagNameNS(KERNEL, 'resourceType')[0]!
        .getAttribute('resourceTypeGeneral'),
    ).toBe('Other');
    expect(
      document
        .getElementsByTagNameNS(KERNEL, 'nameIdentifier')[0]!
        .getAttribute('nameIdentifierScheme'),
    ).toBe('ORCID');
  });

  it('every verb’s response is a well-formed OAI-PMH document with responseDate, request and its verb element', () => {
    const responses = {
      Identify: oaiIdentify(repository, NOW),
      ListMetadataFormats: oaiListMetadataFormats(repository, NOW),
      ListSets: oaiListSets(repository, NOW),
      ListRecords: oaiListRecords(repository, [item], 'oai_dc', NOW),
      ListIdentifiers: oaiListIdentifiers(repository, [item], 'oai_datacite', NOW),
      GetRecord: oaiGetRecord(repository, item, 'oai_datacite', NOW),
    };
    for (const [verb, xml] of Object.entries(responses)) {
      const document = parseXml(xml);
      const root = document.documentElement;
      expect([root.namespaceURI, root.localName], verb).toEqual([OAI_PMH_NS, 'OAI-PMH']);
      expect(texts(document, OAI_PMH_NS, 'responseDate')).toEqual([NOW]);
      const request = document.getElementsByTagNameNS(OAI_PMH_NS, 'request')[0]!;
      expect([request.getAttribute('verb'), request.textContent]).toEqual([
        verb,
        'https://archive.example.org/oai',
      ]);
      expect(document.getElementsByTagNameNS(OAI_PMH_NS, verb).length, verb).toBe(1);
    }
    const identify = parseXml(responses.Identify);
    for (const name of [
      'repositoryName',
      'baseURL',
      'protocolVersion',
      'adminEmail',
      'earliestDatestamp',
      'deletedRecord',
      'granularity',
    ])
      expect(texts(identify, OAI_PMH_NS, name).length, name).toBe(1);
    const records = parseXml(responses.ListRecords);
    expect(texts(records, OAI_PMH_NS, 'identifier')).toEqual([
      'oai:archive.example.org:cms/higgs-tautau-2016',
    ]);
    expect(texts(records, OAI_PMH_NS, 'datestamp')).toEqual(['2019-03-04']);
    expect(texts(records, OAI_PMH_NS, 'setSpec')).toEqual(['cms']);
    expect(texts(records, DC, 'title')).toHaveLength(1);
  });

  it('would notice malformed XML (the well-formedness checks can fail)', () => {
    expect(() => parseXml('<a><b></a>')).toThrow();
    expect(() => parseXml('<a>&nbsp;</a>')).toThrow();
  });

  it('answers an empty list with the noRecordsMatch error', () => {
    const document = parseXml(oaiListRecords(repository, [], 'oai_dc', NOW));
    expect(document.getElementsByTagNameNS(OAI_PMH_NS, 'error')[0]!.getAttribute('code')).toBe(
      'noRecordsMatch',
    );
  });
});
