import type { RecordRule } from '../rule.ts';
import { field, text } from '../data.ts';

/**
 * git history is forever: once a non-public record is pushed to a public repository it cannot be
 * taken back. An archive whose repository is public may hold only public, unembargoed records.
 */
export const publicRepository: RecordRule = (record, { config }) => {
  if (field(config, 'public_repository') !== true) return [];
  const access = field(record.data, 'access');
  const level = text(access, 'level');
  const until = text(access, 'embargo_until');
  if ((level === undefined || level === 'public') && until === undefined) return [];
  const what =
    level !== 'public' && level !== undefined ? `\`${level}\`` : `embargoed until ${until}`;
  return [
    record.metadataFile.diagnostic(
      'CAPSULE_ACCESS_PUBLIC_REPOSITORY',
      'error',
      until !== undefined && level === 'public' ? '/access/embargo_until' : '/access/level',
      `This record is ${what}, but content/archive.yaml says the repository is public: anyone could read it in the git history.`,
      'Keep non-public records in a private archive repository (and remove this one from the branch before it is merged), or make the record public.',
    ),
  ];
};
