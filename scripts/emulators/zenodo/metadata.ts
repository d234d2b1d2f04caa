import type { Json } from './store.ts';
import {
  ACCESS_RIGHTS,
  CONTRIBUTOR_TYPES,
  KNOWN_FIELDS,
  LICENSES,
  RELATIONS,
  UPLOAD_TYPES,
} from './vocabulary.ts';

/**
 * The legacy deposit API's metadata deserializer as Zenodo-RDM runs it: which fields it accepts,
 * the 400 errors it answers with (`{field, messages}`), and how it stores what it accepts
 * (licence ids, thesis supervisors folded into contributors, defaults on every write).
 */
export interface FieldError {
  field: string;
  messages: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks a write's `metadata`; returns the errors Zenodo would answer with (400). */
export function checkMetadata(metadata: unknown): FieldError[] {
  if (metadata === undefined) return [];
  if (!isObject(metadata)) return [{ field: 'metadata', messages: ['Invalid input type.'] }];
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) =>
    errors.push({ field: `metadata.${field}`, messages: [message] });
  for (const key of Object.keys(metadata)) if (!KNOWN_FIELDS.has(key)) fail(key, 'Unknown field.');
  const m = metadata;
  if (m.title !== undefined && typeof m.title !== 'string') fail('title', 'Not a valid string.');
  if (m.upload_type !== undefined && !UPLOAD_TYPES.includes(String(m.upload_type)))
    fail('upload_type', 'Invalid value.');
  if (m.access_right !== undefined && !ACCESS_RIGHTS.includes(String(m.access_right)))
    fail('access_right', 'Invalid value.');
  if (m.access_right === 'embargoed' && m.embargo_date === undefined)
    fail('access_right', 'Unknown access type.');
  for (const key of ['embargo_date', 'publication_date'])
    if (
      m[key] !== undefined &&
      !(
        typeof m[key] === 'string' &&
        DATE.test(m[key] as string) &&
        !Number.isNaN(Date.parse(m[key] as string))
      )
    )
      fail(key, 'Not a valid date.');
  if (m.license !== undefined) {
    const id =
      typeof m.license === 'string' ? m.license : isObject(m.license) ? m.license.id : undefined;
    if (typeof id !== 'string' || !LICENSES[id.toLowerCase()])
      fail('license', `Invalid licence: ${String(id)}.`);
  }
  checkPeople(m.creators, 'creators', fail, false);
  checkPeople(m.contributors, 'contributors', fail, true);
  checkPeople(m.thesis_supervisors, 'thesis_supervisors', fail, false);
  if (
    m.keywords !== undefined &&
    !(Array.isArray(m.keywords) && m.keywords.every((k) => typeof k === 'string'))
  )
    fail('keywords', 'Not a valid list of strings.');
  if (m.communities !== undefined) {
    if (!Array.isArray(m.communities)) fail('communities', 'Not a valid list.');
    else
      m.communities.forEach((item, index) => {
        if (!isObject(item) || typeof item.identifier !== 'string')
          fail(`communities.${index}.identifier`, 'Missing data for required field.');
      });
  }
  if (m.related_identifiers !== undefined) {
    if (!Array.isArray(m.related_identifiers)) fail('related_identifiers', 'Not a valid list.');
    else
      m.related_identifiers.forEach((item, index) => {
        const at = `related_identifiers.${index}`;
        if (!isObject(item)) return fail(at, 'Invalid input type.');
        if (typeof item.relation !== 'string') return fail(`${at}.relation`, 'Not a valid string.');
        if (!RELATIONS.includes(item.relation)) fail(`${at}.relation`, 'Invalid relation type.');
        if (typeof item.identifier !== 'string')
          return fail(`${at}.identifier`, 'Missing data for required field.');
        const scheme = detectScheme(item.identifier);
        if (!scheme) fail(`${at}.identifier`, 'Unable to detect the identifier scheme.');
        else if (typeof item.scheme === 'string' && item.scheme !== scheme)
          fail(`${at}.scheme`, `Invalid scheme for identifier: expected ${scheme}.`);
      });
  }
  return errors;
}

function checkPeople(
  value: unknown,
  name: string,
  fail: (field: string, message: string) => void,
  typed: boolean,
): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) return fail(name, 'Not a valid list.');
  value.forEach((person, index) => {
    if (!isObject(person) || typeof person.name !== 'string' || person.name.trim() === '')
      return fail(`${name}.${index}.name`, 'Missing data for required field.');
    if (
      person.orcid !== undefined &&
      !/^(https?:\/\/orcid\.org\/)?\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/.test(String(person.orcid))
    )
      fail(`${name}.${index}.orcid`, 'Invalid ORCID identifier.');
    if (typed && !CONTRIBUTOR_TYPES.includes(String(person.type)))
      fail(`${name}.${index}.type`, 'Invalid contributor type.');
  });
}

/** idutils' scheme detection, for the schemes Capsule and common clients send. */
export function detectScheme(identifier: string): string | undefined {
  if (/^(doi:\s*|(https?:\/\/)?(dx\.)?doi\.org\/)?10\.\d+(\.\d+)*\/\S+$/i.test(identifier))
    return 'doi';
  if (
    /^(arxiv:)?(\d{4})\.(\d{4,5})(v\d+)?$/i.test(identifier) ||
    /^(arxiv:)?[a-z-]+(\.[a-z]{2})?\/\d{7}(v\d+)?$/i.test(identifier)
  )
    return 'arxiv';
  if (/^\d{4}[A-Za-z&.]{5}[\w.]{4}[ELPQ-Z.][\d.]{4}[A-Z]$/.test(identifier)) return 'ads';
  if (/^https?:\/\/[^\s/$.?#].\S*$/i.test(identifier)) return 'url';
  return undefined;
}

/** What Zenodo stores for a metadata write: defaults filled in, values normalised. */
export function storeMetadata(metadata: Json, today: string): Json {
  const out: Json = structuredClone(metadata);
  delete out.prereserve_doi;
  out.access_right ??= 'open';
  if (
    out.license === undefined &&
    (out.access_right === 'open' || out.access_right === 'embargoed')
  )
    out.license = out.upload_type === 'dataset' ? 'cc0-1.0' : 'cc-by-4.0';
  if (out.license !== undefined) {
    const id = String(isObject(out.license) ? out.license.id : out.license).toLowerCase();
    out.license = LICENSES[id] ?? id;
  }
  out.imprint_publisher ??= 'Zenodo';
  out.publication_date ??= today;
  if (Array.isArray(out.thesis_supervisors)) {
    const supervisors = (out.thesis_supervisors as Json[]).map((person) => ({
      ...person,
      type: 'Supervisor',
    }));
    out.contributors = [...supervisors, ...((out.contributors as Json[] | undefined) ?? [])];
    delete out.thesis_supervisors;
  }
  for (const list of ['creators', 'contributors'])
    for (const person of (out[list] as Json[] | undefined) ?? [])
      if (typeof person.orcid === 'string')
        person.orcid = person.orcid.replace(/^https?:\/\/orcid\.org\//, '');
  for (const item of (out.related_identifiers as Json[] | undefined) ?? [])
    if (item.scheme === undefined && typeof item.identifier === 'string')
      item.scheme = detectScheme(item.identifier);
  return out;
}

/** What publishing checks before it mints a DOI. */
export function checkPublishable(metadata: Json, fileCount: number): FieldError[] {
  const errors: FieldError[] = [];
  if (typeof metadata.title !== 'string' || metadata.title.trim().length < 3)
    errors.push({ field: 'metadata.title', messages: ['Shorter than minimum length 3.'] });
  if (!Array.isArray(metadata.creators) || metadata.creators.length === 0)
    errors.push({ field: 'metadata.creators', messages: ['Missing data for required field.'] });
  if (typeof metadata.upload_type !== 'string')
    errors.push({
      field: 'metadata.resource_type',
      messages: ['Missing data for required field.'],
    });
  else if (metadata.upload_type === 'publication' && typeof metadata.publication_type !== 'string')
    errors.push({ field: 'metadata.resource_type', messages: ['Invalid value.'] });
  if (fileCount === 0)
    errors.push({
      field: 'files.enabled',
      messages: [
        'Missing uploaded files. To disable files for this record please mark it as metadata-only.',
      ],
    });
  return errors;
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
