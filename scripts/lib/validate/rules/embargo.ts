import type { RecordRule } from '../rule.ts';
import { field, text } from '../data.ts';

/** An embargo delays a public record; on a collaboration or restricted record it means nothing. */
export const embargo: RecordRule = (record) => {
  const access = field(record.data, 'access');
  const until = text(access, 'embargo_until');
  const level = text(access, 'level');
  if (until === undefined || level === undefined || level === 'public') return [];
  return [
    record.metadataFile.diagnostic(
      'CAPSULE_EMBARGO',
      'error',
      '/access/embargo_until',
      `The record has \`embargo_until: ${until}\` but \`level: ${level}\`; an embargo only delays a public record.`,
      `Set \`level: public\` if the record should become public on ${until}, or remove \`embargo_until\`.`,
      'key',
    ),
  ];
};
