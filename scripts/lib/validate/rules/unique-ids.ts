import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { ArchiveRule } from '../rule.ts';

/**
 * Record ids are folder paths, unique on a case-sensitive file system, but two that differ only
 * in case collide on macOS and Windows checkouts and in case-insensitive URLs.
 */
export const uniqueIds: ArchiveRule = (records) => {
  const byFolded = new Map<string, string[]>();
  for (const record of records) {
    const folded = record.id.toLowerCase();
    byFolded.set(folded, [...(byFolded.get(folded) ?? []), record.id]);
  }
  const out: Diagnostic[] = [];
  for (const record of records) {
    const clash = (byFolded.get(record.id.toLowerCase()) ?? []).filter((id) => id !== record.id);
    if (clash.length === 0) continue;
    out.push(
      record.metadataFile.diagnostic(
        'CAPSULE_DUPLICATE_ID',
        'error',
        '',
        `The record id \`${record.id}\` differs only in letter case from ${clash.map((id) => `\`${id}\``).join(', ')}.`,
        'Rename one of the folders: record ids must be unique ignoring case.',
      ),
    );
  }
  return out;
};
