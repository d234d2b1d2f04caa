import type { FormSuggestions, KnownPerson } from '../../../scripts/lib/form/suggestions.ts';
import { valueAt } from '../../../scripts/lib/form/record-edit.ts';
import type { FormPath, RecordData } from '../../../scripts/lib/form/record-edit.ts';
import { el } from './dom.ts';

/**
 * People and institutions the archive already knows: their names are offered as you type
 * (datalists), and choosing one fills in what is still empty — a person's ORCID iD, given name
 * and affiliations, an institution's ROR id.
 */
export const PEOPLE_LIST = 'suggest-people';
export const GIVEN_NAME_LIST = 'suggest-given-names';
export const AFFILIATION_LIST = 'suggest-affiliations';

export function personLists(suggestions: FormSuggestions): HTMLDataListElement[] {
  const family = el('datalist', { id: PEOPLE_LIST });
  for (const person of suggestions.people)
    family.append(el('option', { value: person.family_name, label: describe(person) }));
  const given = el('datalist', { id: GIVEN_NAME_LIST });
  for (const name of new Set(suggestions.people.map((person) => person.given_name).filter(Boolean)))
    given.append(el('option', { value: name }));
  const affiliations = el('datalist', { id: AFFILIATION_LIST });
  for (const affiliation of suggestions.affiliations)
    affiliations.append(
      el('option', {
        value: affiliation.name,
        label: affiliation.ror ? `ROR ${affiliation.ror}` : undefined,
      }),
    );
  return [family, given, affiliations];
}

function describe(person: KnownPerson): string {
  return [
    `${person.given_name} ${person.family_name}`.trim(),
    person.orcid ? `ORCID ${person.orcid}` : undefined,
    person.affiliations?.[0]?.name,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The datalist a person or affiliation field takes. */
export function personListFor(path: FormPath): string | undefined {
  if (path[0] !== 'people' || typeof path[1] !== 'number') return undefined;
  if (path.length === 3 && path[2] === 'family_name') return PEOPLE_LIST;
  if (path.length === 3 && path[2] === 'given_name') return GIVEN_NAME_LIST;
  if (path.length === 5 && path[2] === 'affiliations' && path[4] === 'name')
    return AFFILIATION_LIST;
  return undefined;
}

export interface Fill {
  /** Values to set, by path. */
  values: Array<[FormPath, unknown]>;
  /** What was filled in, for the announcement. */
  summary: string;
}

/** What to fill in after a person's name or an affiliation's name was entered at `path`. */
export function fillFor(
  data: RecordData,
  path: FormPath,
  suggestions: FormSuggestions,
): Fill | undefined {
  const list = personListFor(path);
  if (list === AFFILIATION_LIST) {
    const at = path.slice(0, -1);
    const name = valueAt(data, [...at, 'name']);
    if (typeof name !== 'string' || valueAt(data, [...at, 'ror']) !== undefined) return undefined;
    const known = suggestions.affiliations.find(
      (affiliation) =>
        affiliation.name.toLowerCase() === name.trim().toLowerCase() && affiliation.ror,
    );
    return known
      ? { values: [[[...at, 'ror'], known.ror]], summary: `Filled in the ROR id of ${known.name}.` }
      : undefined;
  }
  if (list !== PEOPLE_LIST && list !== GIVEN_NAME_LIST) return undefined;
  const at = path.slice(0, 2);
  const family = valueAt(data, [...at, 'family_name']);
  const given = valueAt(data, [...at, 'given_name']);
  if (typeof family !== 'string' || family.trim() === '') return undefined;
  const matches = suggestions.people.filter(
    (person) =>
      person.family_name.toLowerCase() === family.trim().toLowerCase() &&
      (typeof given !== 'string' ||
        given.trim() === '' ||
        person.given_name.toLowerCase() === given.trim().toLowerCase()),
  );
  const person = matches.length === 1 ? matches[0] : undefined;
  if (!person) return undefined;
  const values: Array<[FormPath, unknown]> = [];
  const filled: string[] = [];
  if ((typeof given !== 'string' || given.trim() === '') && person.given_name) {
    values.push([[...at, 'given_name'], person.given_name]);
    filled.push('given name');
  }
  if (person.orcid && valueAt(data, [...at, 'orcid']) === undefined) {
    values.push([[...at, 'orcid'], person.orcid]);
    filled.push('ORCID iD');
  }
  if (person.affiliations && valueAt(data, [...at, 'affiliations']) === undefined) {
    values.push([[...at, 'affiliations'], structuredClone(person.affiliations)]);
    filled.push(person.affiliations.length === 1 ? 'affiliation' : 'affiliations');
  }
  if (values.length === 0) return undefined;
  const last = filled.pop();
  const what = filled.length > 0 ? `${filled.join(', ')} and ${last}` : last;
  return {
    values,
    summary: `Filled in the ${what} of ${person.given_name} ${person.family_name} from the archive.`,
  };
}
