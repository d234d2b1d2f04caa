import type { Person, RecordMetadata } from '../records/types.ts';

/**
 * Who a record credits, and how: the people who did the analysis are its creators (authors);
 * conveners, reviewers, supervisors and other contributors are contributors with a DataCite
 * contributor type; the collaboration is credited as a research group. Zenodo and DataCite
 * metadata both read this, so a person is credited the same way everywhere.
 */
export type ContributorType =
  'ContactPerson' | 'ProjectLeader' | 'Supervisor' | 'ProjectMember' | 'ResearchGroup' | 'Other';

export interface Credit {
  creators: Person[];
  contributors: Array<{ person: Person; type: ContributorType }>;
  /** The collaboration, credited as a research group. */
  collaboration?: string;
}

const AUTHOR_ROLES = new Set(['analyst', 'contact']);

const CONTRIBUTOR_TYPES: { [role: string]: ContributorType } = {
  convener: 'ProjectLeader',
  supervisor: 'Supervisor',
  reviewer: 'Other',
  contributor: 'ProjectMember',
};

export function creditOf(record: Pick<RecordMetadata, 'people' | 'collaboration'>): Credit {
  const people = record.people ?? [];
  const isAuthor = (person: Person) =>
    !person.roles || person.roles.length === 0 || person.roles.some((r) => AUTHOR_ROLES.has(r));
  // A record listing only conveners or reviewers still needs creators: then everyone is one.
  const creators = people.some(isAuthor) ? people.filter(isAuthor) : [...people];
  const contributors: Credit['contributors'] = [];
  for (const person of people) {
    if (creators.includes(person)) {
      if (person.roles?.includes('contact')) contributors.push({ person, type: 'ContactPerson' });
      continue;
    }
    const role = person.roles?.find((r) => CONTRIBUTOR_TYPES[r]);
    contributors.push({ person, type: (role && CONTRIBUTOR_TYPES[role]) || 'Other' });
  }
  const credit: Credit = { creators, contributors };
  if (record.collaboration) credit.collaboration = record.collaboration;
  return credit;
}

/** "Family, Given" as citations and both Zenodo and DataCite want a personal name. */
export function citationName(person: Person): string {
  return person.given_name ? `${person.family_name}, ${person.given_name}` : person.family_name;
}
