import type { Person, RecordMetadata } from '../records/types.ts';
import { emitYaml, toNode } from '../yaml/index.ts';
import type { ExportContext } from './context.ts';
import { creditOf } from './credit.ts';
import { licenceInfo } from './licenses.ts';

/**
 * CITATION.cff (Citation File Format 1.2.0) for the record, as a `dataset`: its creators as
 * authors with ORCID URLs and affiliations (the collaboration as an entity when no person is
 * credited), DOI, landing page, the first code repository, licence and keywords; the journal
 * paper, when there is one, as the preferred citation.
 */
export function citationCff(record: RecordMetadata, context: ExportContext): string {
  const credit = creditOf(record);
  const authors: unknown[] = credit.creators.map(author);
  if (authors.length === 0) authors.push({ name: credit.collaboration ?? context.publisher });
  const identifiers: unknown[] = [];
  if (record.doi)
    identifiers.push({
      type: 'doi',
      value: record.doi,
      description: 'This version of the record.',
    });
  if (record.concept_doi)
    identifiers.push({
      type: 'doi',
      value: record.concept_doi,
      description: 'All versions of the record.',
    });
  identifiers.push({
    type: 'url',
    value: context.pageUrl,
    description: 'The record on the archive.',
  });
  const licence = licenceInfo(record.license ?? context.defaultLicense ?? 'CC-BY-4.0');
  const cff: { [key: string]: unknown } = {
    'cff-version': '1.2.0',
    message: 'If you use this analysis or its results, please cite it as below.',
    type: 'dataset',
    title: record.title.replace(/\s+/g, ' ').trim(),
    authors,
    abstract: record.abstract.replace(/\s+/g, ' ').trim(),
    version: record.version,
    'date-released': context.published,
    ...(record.doi ? { doi: record.doi } : {}),
    identifiers,
    url: context.pageUrl,
    ...(record.code?.[0] ? { 'repository-code': record.code[0].url } : {}),
    license: licence.id,
    ...(record.keywords?.length ? { keywords: record.keywords } : {}),
  };
  const paper = record.publications?.find((p) => p.type === 'article' && (p.doi || p.journal));
  if (paper) {
    cff['preferred-citation'] = {
      type: 'article',
      title: (paper.title ?? record.title).replace(/\s+/g, ' ').trim(),
      authors: credit.collaboration ? [{ name: credit.collaboration }] : authors,
      ...(paper.doi ? { doi: paper.doi } : {}),
      ...(paper.journal ? { journal: paper.journal } : {}),
      ...(paper.year ? { year: paper.year } : {}),
      ...(paper.url ? { url: paper.url } : {}),
    };
  }
  const document = { source: '', root: toNode(cff), endComments: [], headerComments: [] };
  return `# CITATION.cff for ${context.recordId}, written by Capsule from its record.\n${emitYaml(document)}`;
}

function author(person: Person): { [key: string]: string } {
  const out: { [key: string]: string } = { 'family-names': person.family_name };
  if (person.given_name) out['given-names'] = person.given_name;
  if (person.orcid) out.orcid = `https://orcid.org/${person.orcid}`;
  const affiliation = person.affiliations?.map((a) => a.name).join('; ');
  if (affiliation) out.affiliation = affiliation;
  return out;
}
