/**
 * What the form suggests as you type, from the records a site build shows (the loader's records,
 * so a public build suggests nothing from records the public cannot see): values already used in
 * the archive for the fields where reuse is the rule, the people with their ORCID iD and
 * affiliations, and the institutions with their ROR id.
 */
export interface FormSuggestions {
  /** Values per field; a pattern is a JSON pointer where `*` stands for any one segment. */
  fields: Array<{ pattern: string; values: string[] }>;
  people: KnownPerson[];
  affiliations: KnownAffiliation[];
}

export interface KnownAffiliation {
  name: string;
  ror?: string;
}

export interface KnownPerson {
  given_name: string;
  family_name: string;
  orcid?: string;
  affiliations?: KnownAffiliation[];
}

/** The fields whose values the form suggests (text fields only: choices have their own lists). */
export const SUGGESTED_FIELDS = [
  '/experiment',
  '/collaboration',
  '/keywords/*',
  '/final_states/*',
  '/collision/run_periods/*',
  '/datasets/*/title',
  '/datasets/*/uri',
  '/datasets/*/format',
  '/*/primary_datasets/*/name',
  '/*/primary_datasets/*/triggers/*/name',
  '/*/mc_datasets/*/name',
  '/*/mc_datasets/*/generator',
  '/*/input_datasets/*/name',
  '/*/physics_objects/*/selection',
  '/code/*/url',
  '/code/*/license',
  '/containers/*/image',
  '/license',
  '/related_records/*',
] as const;

/** At most this many values per field, the most used first. */
const MAX_VALUES = 1000;
const MAX_PEOPLE = 5000;
const MAX_LENGTH = 300;

export function formSuggestions(
  records: ReadonlyArray<{ id: string; metadata: object }>,
): FormSuggestions {
  const counts = new Map<string, Map<string, number>>(
    SUGGESTED_FIELDS.map((pattern) => [pattern, new Map()]),
  );
  const patterns = SUGGESTED_FIELDS.map((pattern) => ({ pattern, segments: segments(pattern) }));
  const people = new Map<string, KnownPerson>();
  const affiliations = new Map<string, KnownAffiliation>();

  for (const record of records) {
    visit(record.metadata, [], (path, value) => {
      for (const { pattern, segments: wanted } of patterns)
        if (matches(wanted, path)) {
          const values = counts.get(pattern) as Map<string, number>;
          values.set(value, (values.get(value) ?? 0) + 1);
        }
    });
    const listed = (record.metadata as { people?: unknown }).people;
    for (const person of Array.isArray(listed) ? listed : [])
      addPerson(people, affiliations, person);
  }
  counts.get('/related_records/*')?.clear();
  for (const record of records) counts.get('/related_records/*')?.set(record.id, 1);

  // Someone listed with an ORCID iD somewhere and without one elsewhere is one person.
  const withOrcid = new Set(
    [...people.values()]
      .filter((person) => person.orcid)
      .map((person) => nameKey(person.given_name, person.family_name)),
  );
  for (const [key, person] of people)
    if (!person.orcid && withOrcid.has(nameKey(person.given_name, person.family_name)))
      people.delete(key);

  return {
    fields: [...counts]
      .map(([pattern, values]) => ({ pattern, values: ranked(values) }))
      .filter((field) => field.values.length > 0),
    people: [...people.values()]
      .sort(
        (a, b) =>
          a.family_name.localeCompare(b.family_name) || a.given_name.localeCompare(b.given_name),
      )
      .slice(0, MAX_PEOPLE),
    affiliations: [...affiliations.values()]
      .sort((a, b) => a.name.localeCompare(b.name))
      .slice(0, MAX_PEOPLE),
  };
}

/** The suggested values for a field at `path` (indices included), if any. */
export function suggestionsFor(
  suggestions: FormSuggestions,
  path: ReadonlyArray<string | number>,
): string[] | undefined {
  const key = path.map(String);
  return suggestions.fields.find((field) => matches(segments(field.pattern), key))?.values;
}

/** The pattern of the suggestions a field takes, to share one list between fields. */
export function suggestionPattern(
  suggestions: FormSuggestions,
  path: ReadonlyArray<string | number>,
): string | undefined {
  const key = path.map(String);
  return suggestions.fields.find((field) => matches(segments(field.pattern), key))?.pattern;
}

function segments(pattern: string): string[] {
  return pattern.split('/').slice(1);
}

function matches(pattern: readonly string[], path: readonly string[]): boolean {
  if (pattern.length !== path.length) return false;
  return pattern.every((segment, index) => segment === '*' || segment === path[index]);
}

function visit(value: unknown, path: string[], onText: (path: string[], text: string) => void) {
  if (typeof value === 'string') {
    if (value.length <= MAX_LENGTH && !value.includes('\n')) onText(path, value);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => visit(item, [...path, String(index)], onText));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) visit(item, [...path, key], onText);
  }
}

function ranked(values: Map<string, number>): string[] {
  return [...values]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_VALUES)
    .map(([value]) => value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function addPerson(
  people: Map<string, KnownPerson>,
  affiliations: Map<string, KnownAffiliation>,
  raw: unknown,
): void {
  if (raw === null || typeof raw !== 'object') return;
  const entry = raw as { [key: string]: unknown };
  const given = text(entry.given_name);
  const family = text(entry.family_name);
  const person: KnownPerson = { given_name: given ?? '', family_name: family ?? '' };
  const orcid = text(entry.orcid);
  if (orcid) person.orcid = orcid;
  const known: KnownAffiliation[] = [];
  for (const affiliation of Array.isArray(entry.affiliations) ? entry.affiliations : []) {
    const name = text((affiliation as { name?: unknown } | null)?.name);
    if (!name) continue;
    const ror = text((affiliation as { ror?: unknown }).ror);
    const item: KnownAffiliation = ror ? { name, ror } : { name };
    known.push(item);
    const before = affiliations.get(name.toLowerCase());
    if (!before || (!before.ror && item.ror)) affiliations.set(name.toLowerCase(), item);
  }
  if (known.length > 0) person.affiliations = known;
  if (!family) return;
  const key = orcid ?? nameKey(given ?? '', family);
  const before = people.get(key);
  if (!before || richness(person) > richness(before)) people.set(key, person);
}

function nameKey(given: string, family: string): string {
  return `${given.toLowerCase()}|${family.toLowerCase()}`;
}

function richness(person: KnownPerson): number {
  return (person.orcid ? 2 : 0) + (person.affiliations?.length ?? 0);
}
