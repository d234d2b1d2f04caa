import type { RecordMetadata } from '../records/types.ts';
import { identifierUrl } from './links.ts';

/**
 * schema.org Dataset JSON-LD for a record page (what Google Dataset Search and DataCite's
 * crawlers read), and the one way to put JSON into a `<script>` element safely.
 */
export interface JsonLdContext {
  /** The record page's absolute URL. */
  url: string;
  publisher?: string;
  /** Absolute URLs of the record's served files. */
  files: Array<{ url: string; name: string; mediaType?: string; size: number }>;
}

export function datasetJsonLd(metadata: RecordMetadata, context: JsonLdContext): object {
  const identifiers = [
    metadata.doi ? `https://doi.org/${metadata.doi}` : undefined,
    metadata.concept_doi ? `https://doi.org/${metadata.concept_doi}` : undefined,
  ].filter(Boolean);
  const dataset: { [key: string]: unknown } = {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    '@id': context.url,
    url: context.url,
    name: metadata.title,
    description: metadata.abstract,
    version: metadata.version,
    dateCreated: metadata.created,
    creator: metadata.people.map((person) => {
      const creator: { [key: string]: unknown } = {
        '@type': 'Person',
        name: [person.given_name, person.family_name].filter(Boolean).join(' '),
        familyName: person.family_name,
      };
      if (person.given_name) creator.givenName = person.given_name;
      if (person.orcid) creator['@id'] = identifierUrl('orcid', person.orcid);
      if (person.affiliations?.length)
        creator.affiliation = person.affiliations.map((affiliation) => ({
          '@type': 'Organization',
          name: affiliation.name,
          ...(affiliation.ror ? { '@id': identifierUrl('ror', affiliation.ror) } : {}),
        }));
      return creator;
    }),
  };
  if (metadata.updated) dataset.dateModified = metadata.updated;
  if (identifiers.length > 0) dataset.identifier = identifiers;
  if (metadata.keywords?.length) dataset.keywords = metadata.keywords;
  if (metadata.license) dataset.license = `https://spdx.org/licenses/${metadata.license}`;
  if (context.publisher) dataset.publisher = { '@type': 'Organization', name: context.publisher };
  if (metadata.collaboration)
    dataset.producer = { '@type': 'Organization', name: metadata.collaboration };
  const citations = (metadata.publications ?? [])
    .map((publication) =>
      publication.doi
        ? identifierUrl('doi', publication.doi)
        : publication.arxiv
          ? identifierUrl('arxiv', publication.arxiv)
          : undefined,
    )
    .filter(Boolean);
  if (citations.length > 0) dataset.citation = citations;
  if (metadata.collision?.years?.length)
    dataset.temporalCoverage =
      metadata.collision.years.length === 1
        ? metadata.collision.years[0]
        : `${metadata.collision.years[0]}/${metadata.collision.years.at(-1)}`;
  if (context.files.length > 0)
    dataset.distribution = context.files.map((file) => ({
      '@type': 'DataDownload',
      name: file.name,
      contentUrl: file.url,
      contentSize: `${file.size} B`,
      ...(file.mediaType ? { encodingFormat: file.mediaType } : {}),
    }));
  return dataset;
}

/**
 * JSON for inside a `<script>` element: `<`, `>`, `&` and the line separators JavaScript once
 * choked on are written as \u escapes, so no value can close the element (`</script>`), open a
 * comment (`<!--`) or be read as markup. The result is still exactly the same JSON value.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => SCRIPT_ESCAPES[char] ?? char,
  );
}

const SCRIPT_ESCAPES: { [char: string]: string } = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};
