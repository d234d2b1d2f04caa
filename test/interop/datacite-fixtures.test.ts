import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataciteAttributes } from '../../scripts/lib/export/datacite.ts';
import { missingMandatoryProperties } from '../../scripts/lib/export/datacite-mandatory.ts';
import { sampleRecord } from '../fixtures/records/sample-record.ts';
import { FIXTURES } from '../helpers/repo.ts';

/**
 * Capsule's DataCite JSON against DataCite's own example of every property (kernel 4.6, XML) and
 * the DataCite 4.5 JSON that InvenioRDM's serializer — the one Zenodo registers DOIs with —
 * produces. Both read in place from ../shared/fixtures/zenodo.
 */
const ZENODO = path.join(FIXTURES, 'zenodo');
const serializer = JSON.parse(
  readFileSync(
    path.join(ZENODO, 'datacite45-json-attributes-from-inveniordm-serializer.json'),
    'utf8',
  ),
) as {
  [key: string]: unknown;
};
const xml = readFileSync(path.join(ZENODO, 'datacite-4.6-example-full.xml'), 'utf8');

/** The values DataCite's full example uses for an XML attribute: its controlled list. */
function vocabulary(attribute: string): Set<string> {
  return new Set(
    [...xml.matchAll(new RegExp(`${attribute}="([^"]+)"`, 'g'))].map((match) => match[1]!),
  );
}

const attributes = dataciteAttributes(
  sampleRecord({
    doi: '10.5281/zenodo.100002',
    concept_doi: '10.5281/zenodo.100001',
    access: { level: 'public', embargo_until: '2099-01-01' },
  }),
  {
    pageUrl: 'https://archive.example.org/records/cms/higgs-tautau-2016/',
    publisher: 'Capsule demo',
    published: '2026-11-22',
    today: '2026-11-22',
  },
);

describe('DataCite metadata', () => {
  it('checks mandatory properties the way Zenodo’s serializer output passes them', () => {
    expect(missingMandatoryProperties(serializer)).toEqual([]);
    expect(missingMandatoryProperties(attributes)).toEqual([]);
  });

  it('uses the property names of DataCite’s JSON as Zenodo’s serializer writes it', () => {
    const known = new Set([...Object.keys(serializer), 'url']);
    expect(Object.keys(attributes).filter((key) => !known.has(key))).toEqual([]);
    const creator = (serializer.creators as Array<{ [key: string]: unknown }>)[0]!;
    expect(Object.keys(attributes.creators[0]!).filter((key) => !(key in creator))).toEqual([]);
    expect(attributes.creators[0]!.nameIdentifiers[0]!.nameIdentifierScheme).toBe(
      (creator.nameIdentifiers as Array<{ nameIdentifierScheme: string }>)[0]!.nameIdentifierScheme,
    );
  });

  it('names ORCID and ROR identifiers with the schemes and scheme URIs of DataCite’s example', () => {
    expect(xml).toContain(
      `nameIdentifierScheme="ORCID" schemeURI="${attributes.creators[0]!.nameIdentifiers[0]!.schemeUri}"`,
    );
    expect(xml).toContain(
      `affiliationIdentifierScheme="ROR" schemeURI="${attributes.creators[0]!.affiliation[0]!.schemeUri}"`,
    );
    expect(attributes.creators[0]!.nameIdentifiers[0]!.nameIdentifier).toMatch(
      /^https:\/\/orcid\.org\/\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/,
    );
    expect(attributes.creators[0]!.affiliation[0]!.affiliationIdentifier).toMatch(
      /^https:\/\/ror\.org\/0[a-z0-9]{8}$/,
    );
  });

  it('takes every controlled value from DataCite’s lists', () => {
    const checks: Array<[string, string[]]> = [
      ['contributorType', attributes.contributors.map((item) => item.contributorType)],
      ['relationType', attributes.relatedIdentifiers.map((item) => item.relationType)],
      [
        'relatedIdentifierType',
        attributes.relatedIdentifiers.map((item) => item.relatedIdentifierType),
      ],
      ['dateType', attributes.dates.map((item) => item.dateType)],
      ['descriptionType', attributes.descriptions.map((item) => item.descriptionType)],
      ['nameType', attributes.creators.map((item) => item.nameType)],
    ];
    for (const [attribute, used] of checks) {
      const allowed = vocabulary(attribute);
      expect(
        used.filter((value) => !allowed.has(value)),
        attribute,
      ).toEqual([]);
    }
  });
});
