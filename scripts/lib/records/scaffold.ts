import type { AccessLevel } from './types.ts';

/** The answers `capsule new` collects: the essentials of a record. */
export interface NewRecordAnswers {
  schema: string;
  experiment?: string;
  title?: string;
  abstract?: string;
  givenName?: string;
  familyName?: string;
  orcid?: string;
  affiliation?: string;
  access: AccessLevel;
  keywords: string[];
  created: string;
}

/** Builds the first version of a record from the answers; what is unknown is left out (draft mode accepts that). */
export function newRecordData(answers: NewRecordAnswers): { [key: string]: unknown } {
  const person: { [key: string]: unknown } = {};
  if (answers.givenName) person.given_name = answers.givenName;
  if (answers.familyName) person.family_name = answers.familyName;
  if (answers.orcid) person.orcid = answers.orcid;
  if (answers.affiliation) person.affiliations = [{ name: answers.affiliation }];
  if (Object.keys(person).length > 0) person.roles = ['contact'];
  const data: { [key: string]: unknown } = {
    $schema: answers.schema,
    title: answers.title,
    abstract: answers.abstract,
    version: '1',
    status: 'ongoing',
    created: answers.created,
    experiment: answers.experiment,
    access: { level: answers.access },
    people: Object.keys(person).length > 0 ? [person] : undefined,
    keywords: answers.keywords.length > 0 ? answers.keywords : undefined,
  };
  for (const key of Object.keys(data))
    if (data[key] === undefined || data[key] === '') delete data[key];
  return data;
}

/** The record as canonical YAML, as `capsule fmt` keeps it (the site's form writes the same). */
export { recordYaml } from '../format/record-yaml.ts';

export function readmeTemplate(title: string | undefined): string {
  return [
    `# ${title ?? 'Analysis title'}`,
    '',
    '## What this analysis does',
    '',
    'Describe the measurement or search, the final state and the main selection.',
    '',
    '## How to reproduce it',
    '',
    'List the steps, with the commands and the software versions (container images, releases).',
    '',
  ].join('\n');
}
