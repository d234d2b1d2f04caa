import type { Audience } from '../records/access.ts';
import type { RecordMetadata } from '../records/types.ts';

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
  const redacted: RecordMetadata = { ...metadata };
  if (audience === 'public') {
    redacted.people = metadata.people.map((person) => {
      const { email: _email, ...rest } = person;
      return rest;
    });
  }
  if (metadata.related_records) {
    const visible = metadata.related_records.filter(isVisible);
    if (visible.length > 0) redacted.related_records = visible;
    else delete redacted.related_records;
  }
  return redacted;
}
