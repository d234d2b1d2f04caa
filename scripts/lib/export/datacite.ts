import { isEmbargoed } from '../records/access.ts';
import type { Affiliation, Person, RecordMetadata } from '../records/types.ts';
import { citationName, creditOf } from './credit.ts';
import { licenceInfo } from './licenses.ts';
import { relatedIdentifiers } from './related-identifiers.ts';

/**
 * A record as DataCite Metadata Schema 4.5 JSON attributes (the `data.attributes` of DataCite's
 * REST API, the shape Zenodo's own serializer produces): creators with ORCID name identifiers and
 * ROR affiliation identifiers, the papers, datasets and code it relates to, its licence and
 * access. Pure: the caller passes the archive facts a record does not hold itself.
 */
export const DATACITE_SCHEMA_VERSION = 'http://datacite.org/schema/kernel-4';

/** What kind of resource a Capsule record is, for DataCite and Zenodo alike. */
export const RESOURCE_TYPE = {
  resourceTypeGeneral: 'Other',
  resourceType: 'Analysis preservation record',
} as const;

export interface DataciteName {
  name: string;
  nameType: 'Personal' | 'Organizational';
  givenName?: string;
  familyName?: string;
  nameIdentifiers: Array<{
    nameIdentifier: string;
    nameIdentifierScheme: string;
    schemeUri: string;
  }>;
  affiliation: Array<{
    name: string;
    affiliationIdentifier?: string;
    affiliationIdentifierScheme?: string;
    schemeUri?: string;
  }>;
}

export interface DataciteAttributes {
  doi?: string;
  url: string;
  types: { resourceTypeGeneral: string; resourceType: string };
  creators: DataciteName[];
  titles: Array<{ title: string; lang?: string }>;
  publisher: { name: string };
  publicationYear: string;
  subjects: Array<{ subject: string }>;
  contributors: Array<DataciteName & { contributorType: string }>;
  dates: Array<{ date: string; dateType: string }>;
  language: string;
  alternateIdentifiers: Array<{ alternateIdentifier: string; alternateIdentifierType: string }>;
  relatedIdentifiers: Array<{
    relatedIdentifier: string;
    relatedIdentifierType: string;
    relationType: string;
    resourceTypeGeneral?: string;
  }>;
  sizes: string[];
  formats: string[];
  version: string;
  rightsList: Array<{
    rights: string;
    rightsUri: string;
    rightsIdentifier?: string;
    rightsIdentifierScheme?: string;
    schemeUri?: string;
  }>;
  descriptions: Array<{ description: string; descriptionType: string }>;
  schemaVersion: string;
}

export interface DataciteContext {
  /** The record's page on the archive site (its landing page). */
  pageUrl: string;
  /** Who publishes the archive (archive.yaml `publisher`, else its name). */
  publisher: string;
  /** The day the version is published (YYYY-MM-DD); its year is the publication year. */
  published: string;
  /** Licence when the record names none (archive.yaml `default_license`). */
  defaultLicense?: string;
  /** The DOI of this version, when it differs from the record's (e.g. just minted). */
  doi?: string;
  conceptDoi?: string;
  relatedRecordDois?: readonly string[];
  /** Today (YYYY-MM-DD), to tell whether an embargo is still in force. */
  today: string;
}

const ORCID = { nameIdentifierScheme: 'ORCID', schemeUri: 'https://orcid.org' };
const ROR = { affiliationIdentifierScheme: 'ROR', schemeUri: 'https://ror.org' };

export function dataciteAttributes(
  record: RecordMetadata,
  context: DataciteContext,
): DataciteAttributes {
  const credit = creditOf(record);
  const doi = context.doi ?? record.doi;
  const conceptDoi = context.conceptDoi ?? record.concept_doi;
  const licence = licenceInfo(record.license ?? context.defaultLicense ?? 'CC-BY-4.0');
  const embargoed = record.access.level === 'public' && isEmbargoed(record.access, context.today);
  const related = relatedIdentifiers(record, {
    relatedRecordDois: context.relatedRecordDois ?? [],
  });
  if (conceptDoi && doi && conceptDoi.toLowerCase() !== doi.toLowerCase())
    related.push({ identifier: conceptDoi, type: 'DOI', relation: 'IsVersionOf' });
  const contributors: DataciteAttributes['contributors'] = credit.contributors.map(
    ({ person, type }) => ({
      ...personName(person),
      contributorType: type,
    }),
  );
  if (credit.collaboration)
    contributors.push({
      name: credit.collaboration,
      nameType: 'Organizational',
      nameIdentifiers: [],
      affiliation: [],
      contributorType: 'ResearchGroup',
    });
  const files = record.files ?? [];
  const attributes: DataciteAttributes = {
    url: context.pageUrl,
    types: { ...RESOURCE_TYPE },
    creators: credit.creators.map(personName),
    titles: [{ title: record.title, lang: 'en' }],
    publisher: { name: context.publisher },
    publicationYear: context.published.slice(0, 4),
    subjects: [...(record.keywords ?? []), ...(record.physics_themes ?? [])].map((subject) => ({
      subject,
    })),
    contributors,
    dates: [
      { date: record.created, dateType: 'Created' },
      ...(record.updated ? [{ date: record.updated, dateType: 'Updated' }] : []),
      { date: context.published, dateType: 'Issued' },
      ...(record.access.embargo_until
        ? [{ date: record.access.embargo_until, dateType: 'Available' }]
        : []),
    ],
    language: 'en',
    alternateIdentifiers: [
      { alternateIdentifier: context.pageUrl, alternateIdentifierType: 'URL' },
    ],
    relatedIdentifiers: related.map((item) => ({
      relatedIdentifier: item.identifier,
      relatedIdentifierType: item.type,
      relationType: item.relation,
      ...(item.resourceTypeGeneral ? { resourceTypeGeneral: item.resourceTypeGeneral } : {}),
    })),
    sizes: files.length > 0 ? [`${files.reduce((sum, file) => sum + file.size, 0)} bytes`] : [],
    formats: [...new Set(files.flatMap((file) => (file.media_type ? [file.media_type] : [])))],
    version: record.version,
    rightsList: [
      {
        rights: licence.name,
        rightsUri: licence.url,
        rightsIdentifier: licence.id.toLowerCase(),
        rightsIdentifierScheme: 'SPDX',
        schemeUri: 'https://spdx.org/licenses/',
      },
      embargoed
        ? { rights: 'Embargoed Access', rightsUri: 'info:eu-repo/semantics/embargoedAccess' }
        : { rights: 'Open Access', rightsUri: 'info:eu-repo/semantics/openAccess' },
    ],
    descriptions: [
      { description: record.abstract.trim(), descriptionType: 'Abstract' },
      ...(record.results?.summary
        ? [{ description: record.results.summary.trim(), descriptionType: 'Other' }]
        : []),
    ],
    schemaVersion: DATACITE_SCHEMA_VERSION,
  };
  if (doi) attributes.doi = doi;
  return attributes;
}

function personName(person: Person): DataciteName {
  const name: DataciteName = {
    name: citationName(person),
    nameType: 'Personal',
    familyName: person.family_name,
    nameIdentifiers: person.orcid
      ? [{ nameIdentifier: `https://orcid.org/${person.orcid}`, ...ORCID }]
      : [],
    affiliation: (person.affiliations ?? []).map(affiliation),
  };
  if (person.given_name) name.givenName = person.given_name;
  return name;
}

function affiliation(item: Affiliation): DataciteName['affiliation'][number] {
  return item.ror
    ? { name: item.name, affiliationIdentifier: `https://ror.org/${item.ror}`, ...ROR }
    : { name: item.name };
}
