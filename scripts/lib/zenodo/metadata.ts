import { citationName, creditOf } from '../export/credit.ts';
import { relatedIdentifiers } from '../export/related-identifiers.ts';
import type { RelatedIdentifier } from '../export/related-identifiers.ts';
import { isEmbargoed } from '../records/access.ts';
import type { Person, RecordMetadata } from '../records/types.ts';
import { describeRecord } from './description.ts';
import type { DepositCreator, DepositMetadata, DepositRelatedIdentifier } from './types.ts';

/**
 * A record as Zenodo deposition metadata, complete and rendered afresh on every run (a PUT of it
 * is idempotent). Pure. Never carries a `doi`: Zenodo would take it as the DOI to use instead of
 * minting one.
 */
export interface DepositContext {
  recordId: string;
  /** The record's page URL: sent as its alternate identifier, the marker of Capsule's drafts. */
  pageUrl: string;
  archiveName: string;
  /** Zenodo communities from collection.yaml and archive.yaml. */
  communities: readonly string[];
  /** Publication date of this version (YYYY-MM-DD): the day it is minted. */
  published: string;
  today: string;
  defaultLicense?: string;
  relatedRecordDois?: readonly string[];
}

/** Capsule records are analyses: Zenodo's `other` (DataCite `Other`), see RESOURCE_TYPE. */
export const UPLOAD_TYPE = 'other';

const RELATED_RESOURCE_TYPES: { [type: string]: string } = {
  JournalArticle: 'publication-article',
  Preprint: 'publication-preprint',
  ConferencePaper: 'publication-conferencepaper',
  Report: 'publication-report',
  Dissertation: 'publication-thesis',
  Dataset: 'dataset',
  Software: 'software',
};

export function depositMetadata(record: RecordMetadata, context: DepositContext): DepositMetadata {
  const credit = creditOf(record);
  const embargoed = isEmbargoed(record.access, context.today);
  const contributors = credit.contributors.map(({ person, type }) => ({
    ...creator(person),
    type,
  }));
  if (credit.collaboration)
    contributors.push({ name: credit.collaboration, type: 'ResearchGroup' });
  const metadata: DepositMetadata = {
    upload_type: UPLOAD_TYPE,
    title: record.title,
    creators: credit.creators.map(creator),
    description: describeRecord(record, context),
    access_right: embargoed ? 'embargoed' : 'open',
    license: (record.license ?? context.defaultLicense ?? 'CC-BY-4.0').toLowerCase(),
    publication_date: context.published,
    version: record.version,
    language: 'eng',
    related_identifiers: [
      ...relatedIdentifiers(record, { relatedRecordDois: context.relatedRecordDois ?? [] }).map(
        related,
      ),
      { identifier: context.pageUrl, relation: 'isAlternateIdentifier', scheme: 'url' },
    ],
  };
  if (embargoed && record.access.embargo_until) metadata.embargo_date = record.access.embargo_until;
  const keywords = [...new Set([...(record.keywords ?? []), record.experiment])];
  if (keywords.length > 0) metadata.keywords = keywords;
  if (contributors.length > 0) metadata.contributors = contributors;
  const communities = [...new Set(context.communities)];
  if (communities.length > 0)
    metadata.communities = communities.map((identifier) => ({ identifier }));
  return metadata;
}

function creator(person: Person): DepositCreator {
  const out: DepositCreator = { name: citationName(person) };
  // Zenodo's legacy API takes one free-text affiliation (ROR ids are kept in the DataCite export).
  const affiliations = (person.affiliations ?? []).map((item) => item.name);
  if (affiliations.length > 0) out.affiliation = affiliations.join('; ');
  if (person.orcid) out.orcid = person.orcid;
  return out;
}

function related(item: RelatedIdentifier): DepositRelatedIdentifier {
  const out: DepositRelatedIdentifier = {
    identifier: item.identifier,
    relation: item.relation.charAt(0).toLowerCase() + item.relation.slice(1),
    scheme: item.type.toLowerCase(),
  };
  const resourceType = item.resourceTypeGeneral && RELATED_RESOURCE_TYPES[item.resourceTypeGeneral];
  if (resourceType) out.resource_type = resourceType;
  return out;
}

/** Whether a deposition's metadata carries Capsule's marker for this record. */
export function carriesMarker(metadata: { [key: string]: unknown }, pageUrl: string): boolean {
  const list = metadata.related_identifiers;
  return (
    Array.isArray(list) &&
    list.some(
      (item) =>
        item !== null &&
        typeof item === 'object' &&
        (item as DepositRelatedIdentifier).relation === 'isAlternateIdentifier' &&
        (item as DepositRelatedIdentifier).identifier === pageUrl,
    )
  );
}
