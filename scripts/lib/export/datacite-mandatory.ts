import { checkDoi } from '../identifiers/doi.ts';
import { isMap } from '../validate/data.ts';

/**
 * DataCite's mandatory properties (Metadata Schema 4.5 and 4.6, section 2): Identifier (the DOI),
 * Creator with a name, Title, Publisher, PublicationYear and ResourceType (its general type from
 * the controlled list). Returns one sentence per property that is missing or malformed; an empty
 * list means DataCite accepts the record's kernel. Reads JSON attributes as DataCite's REST API
 * and Zenodo's serializer write them (publisher as a string or `{name}`).
 */
export const RESOURCE_TYPES_GENERAL = [
  'Audiovisual',
  'Award',
  'Book',
  'BookChapter',
  'Collection',
  'ComputationalNotebook',
  'ConferencePaper',
  'ConferenceProceeding',
  'DataPaper',
  'Dataset',
  'Dissertation',
  'Event',
  'Image',
  'Instrument',
  'InteractiveResource',
  'Journal',
  'JournalArticle',
  'Model',
  'OutputManagementPlan',
  'PeerReview',
  'PhysicalObject',
  'Preprint',
  'Project',
  'Report',
  'Service',
  'Software',
  'Sound',
  'Standard',
  'StudyRegistration',
  'Text',
  'Workflow',
  'Other',
] as const;

export function missingMandatoryProperties(attributes: unknown): string[] {
  const problems: string[] = [];
  const data = isMap(attributes) ? attributes : {};
  const doi = data.doi;
  if (typeof doi !== 'string' || doi === '') problems.push('doi: the DOI (Identifier) is missing.');
  else if (!checkDoi(doi).ok) problems.push(`doi: "${doi}" is not a DOI.`);

  const creators = Array.isArray(data.creators) ? data.creators : [];
  if (creators.length === 0) problems.push('creators: at least one creator is required.');
  creators.forEach((creator, index) => {
    if (!isMap(creator) || typeof creator.name !== 'string' || creator.name.trim() === '')
      problems.push(`creators[${index}].name: every creator needs a name.`);
  });

  const titles = Array.isArray(data.titles) ? data.titles : [];
  if (
    !titles.some(
      (title) => isMap(title) && typeof title.title === 'string' && title.title.trim() !== '',
    )
  )
    problems.push('titles: at least one title is required.');

  const publisher = data.publisher;
  const publisherName = isMap(publisher) ? publisher.name : publisher;
  if (typeof publisherName !== 'string' || publisherName.trim() === '')
    problems.push('publisher: the publisher is required.');

  const year = String(data.publicationYear ?? '');
  if (!/^\d{4}$/.test(year)) problems.push('publicationYear: a four-digit year is required.');

  const types = isMap(data.types) ? data.types : {};
  const general = types.resourceTypeGeneral;
  if (typeof general !== 'string')
    problems.push('types.resourceTypeGeneral: the general resource type is required.');
  else if (!(RESOURCE_TYPES_GENERAL as readonly string[]).includes(general))
    problems.push(`types.resourceTypeGeneral: "${general}" is not in DataCite's controlled list.`);
  return problems;
}
