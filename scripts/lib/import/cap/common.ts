import { checkArxiv } from '../../identifiers/arxiv.ts';
import { checkDoi, normaliseDoi } from '../../identifiers/doi.ts';
import { checkOrcid } from '../../identifiers/orcid.ts';
import { checkHttpsUrl } from '../../identifiers/url.ts';
import type { Person, Publication } from '../../records/types.ts';
import { isMap } from '../../validate/data.ts';
import type { SourceFields } from '../source-fields.ts';

/**
 * Mappings every CAP shape shares: people written as "Given Family" strings, links that must be
 * https, persistent identifiers, access from CAP's read ACL. Each helper uses what it maps and
 * refuses, with the reason, what it cannot.
 */
type Path = Array<string | number>;

export type Draft = { [key: string]: unknown };

/** "John Doe" → {given_name: John, family_name: Doe}; "Doe, John" works too. */
export function personFromName(name: string): Person | undefined {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (clean === '') return undefined;
  if (clean.includes(',')) {
    const [family, given] = clean.split(',').map((part) => part.trim());
    if (family && given) return { given_name: given, family_name: family };
  }
  const parts = clean.split(' ');
  if (parts.length < 2) return undefined;
  return {
    given_name: parts.slice(0, -1).join(' '),
    family_name: parts[parts.length - 1] as string,
  };
}

/** A person from a CAP `{name, email?, orcid?}` object (or a bare name), with a role. */
export function mapPerson(source: SourceFields, path: Path, role: string): Person | undefined {
  const value = source.get(...path);
  const name =
    typeof value === 'string'
      ? value
      : (source.text(...path, 'name') ?? source.text(...path, 'names'));
  const nameKey =
    typeof value === 'string' ? undefined : source.text(...path, 'name') ? 'name' : 'names';
  const person = name ? personFromName(name) : undefined;
  if (!person) {
    if (name)
      source.refuse(
        'a person needs a given and a family name; write it by hand',
        ...path,
        ...(nameKey ? [nameKey] : []),
      );
    return undefined;
  }
  if (typeof value === 'string') source.use(...path);
  else source.use(...path, nameKey as string);
  const email = source.text(...path, 'email');
  if (email && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    person.email = email;
    source.use(...path, 'email');
  }
  const orcid = source.text(...path, 'orcid')?.replace(/^https?:\/\/orcid\.org\//, '');
  if (orcid) {
    if (checkOrcid(orcid).ok) {
      person.orcid = orcid;
      source.use(...path, 'orcid');
    } else source.refuse('not a valid ORCID iD', ...path, 'orcid');
  }
  person.roles = [role];
  return person;
}

/** Adds a person unless someone with the same name is there; then only adds the role. */
export function addPerson(people: Person[], person: Person | undefined): void {
  if (!person) return;
  const same = people.find(
    (p) => p.family_name === person.family_name && p.given_name === person.given_name,
  );
  if (!same) {
    people.push(person);
    return;
  }
  same.roles = [...new Set([...(same.roles ?? []), ...(person.roles ?? [])])];
  same.email ??= person.email;
  same.orcid ??= person.orcid;
}

/** A link `{title, url}` when the URL is https; refuses it otherwise. */
export function mapLink(
  source: SourceFields,
  urlPath: Path,
  title: string,
): { title: string; url: string } | undefined {
  const url = source.text(...urlPath);
  if (!url) return undefined;
  const https = url.replace(/^http:\/\//, 'https://');
  if (!checkHttpsUrl(https).ok) {
    source.refuse('not an https:// link', ...urlPath);
    return undefined;
  }
  source.use(...urlPath);
  return { title: title.slice(0, 300), url: https };
}

/** CAP `persistent_identifiers: [{identifier, scheme}]` (or strings) into a publication's ids. */
export function mapIdentifiers(source: SourceFields, path: Path, publication: Publication): void {
  source.list(...path).forEach((entry, index) => {
    const raw = isMap(entry) ? (entry.identifier ?? entry.value) : entry;
    if (typeof raw !== 'string' || raw.trim() === '') return;
    const value = raw.trim();
    const scheme =
      isMap(entry) && typeof entry.scheme === 'string' ? entry.scheme.toLowerCase() : '';
    const doi = normaliseDoi(value);
    const arxiv = value.replace(/^arxiv:/i, '');
    if ((scheme === 'doi' || /^10\./.test(doi)) && checkDoi(doi).ok) publication.doi = doi;
    else if (
      (scheme === 'arxiv' || /^arxiv:/i.test(value) || /^\d{4}\.\d{4,5}$/.test(arxiv)) &&
      checkArxiv(arxiv).ok
    )
      publication.arxiv = arxiv;
    else if (/^\d+$/.test(value) && scheme === 'cds') publication.cds = value;
    else if (/^\d+$/.test(value) && scheme === 'inspire') publication.inspire = value;
    else {
      source.refuse('an identifier of a scheme Capsule does not know', ...path, index);
      return;
    }
    source.use(...path, index);
  });
}

/** CAP's read ACL: the e-groups that could read the deposit. CAP records are never public. */
export function mapAccess(source: SourceFields): { level: 'collaboration'; groups?: string[] } {
  const roles = source
    .list('_access', 'deposit-read', 'roles')
    .filter((r): r is string => typeof r === 'string');
  if (roles.length > 0) source.use('_access', 'deposit-read', 'roles');
  return roles.length > 0
    ? { level: 'collaboration', groups: [...new Set(roles)] }
    : { level: 'collaboration' };
}

/** Map a CAP status text onto Capsule's status choices. */
export function mapStatus(text: string): string | undefined {
  const lower = text.toLowerCase();
  if (/superseded/.test(lower)) return 'superseded';
  if (/abandon|cancel|withdrawn/.test(lower)) return 'abandoned';
  if (/publi|journal|pub$|^pub/.test(lower))
    return lower.includes('review') ? 'under-review' : 'published';
  if (/approv|green/.test(lower)) return 'approved';
  if (/review|arc|committee/.test(lower)) return 'under-review';
  if (/ongoing|progress|started|active|draft|free/.test(lower)) return 'ongoing';
  return undefined;
}

/** CAP's `$schema` of a deposit or record names its schema: `.../cms-analysis-v0.0.1.json`. */
export function schemaName(url: string): string | undefined {
  return /\/([a-zA-Z-]+?)(?:-v\d+\.\d+\.\d+)?(?:\.json)?\/?$/.exec(url)?.[1];
}
