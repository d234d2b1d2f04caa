import type { Audience } from '../records/access.ts';
import type { RecordMetadata, UnknownMap } from '../records/types.ts';
import { isMap } from '../validate/data.ts';

const EMAIL = /[^\s<>()@]+@[^\s<>()@]+\.[^\s<>()@]+/g;

/**
 * A visible record's metadata as one audience may read it. The public never gets people's email
 * addresses; no audience gets the id of a related record it cannot see (an id names a record
 * as surely as its title does).
 */
export function redactMetadata(
  metadata: RecordMetadata,
  audience: Audience,
  isVisible: (recordId: string) => boolean,
): RecordMetadata {
  return redactData(
    metadata as unknown as UnknownMap,
    audience,
    isVisible,
  ) as unknown as RecordMetadata;
}

/**
 * The same rule for any version of a record, however it is shaped: versions from the record's
 * history need not validate against today's schema, and are redacted all the same.
 */
export function redactData(
  data: UnknownMap,
  audience: Audience,
  isVisible: (recordId: string) => boolean,
): UnknownMap {
  const redacted: { [key: string]: unknown } = { ...data };
  if (audience === 'public' && Array.isArray(data.people)) {
    redacted.people = data.people.map((person: unknown) => {
      // An old version may name a person as text, address and all.
      if (typeof person === 'string') return person.replace(EMAIL, '(email withheld)');
      if (!isMap(person) || !('email' in person)) return person;
      const { email: _email, ...rest } = person;
      return rest;
    });
  }
  if ('related_records' in data) {
    const related = Array.isArray(data.related_records) ? data.related_records : [];
    const visible = related.filter((id): id is string => typeof id === 'string' && isVisible(id));
    if (visible.length > 0) redacted.related_records = visible;
    else delete redacted.related_records;
  }
  return redacted;
}
