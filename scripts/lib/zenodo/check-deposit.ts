import type { DepositMetadata } from './types.ts';
import type { UploadFile } from './upload-set.ts';

/**
 * What Zenodo would refuse at publish, checked before anything is sent (API-NOTES §8.8), so a
 * record that cannot be published never leaves a draft behind.
 */
export const MAX_FILES = 100;
export const MAX_TOTAL_BYTES = 50 * 10 ** 9;

export function depositProblems(metadata: DepositMetadata, files: readonly UploadFile[]): string[] {
  const problems: string[] = [];
  if (metadata.title.trim().length < 3)
    problems.push('The title is shorter than 3 characters, the least Zenodo accepts.');
  if (
    metadata.creators.length === 0 ||
    metadata.creators.some((creator) => creator.name.trim() === '')
  )
    problems.push(
      'Zenodo needs at least one creator with a name: list the analysts under `people`.',
    );
  if (files.length === 0) problems.push('The record folder holds no file to deposit.');
  if (files.length > MAX_FILES)
    problems.push(
      `The record folder holds ${files.length} files; Zenodo takes at most ${MAX_FILES} per record. Bundle small files into an archive under files/.`,
    );
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > MAX_TOTAL_BYTES)
    problems.push(
      `The record's files total ${total} bytes; Zenodo takes at most ${MAX_TOTAL_BYTES}. Reference large data by URI instead.`,
    );
  if (metadata.access_right === 'embargoed' && !metadata.embargo_date)
    problems.push('An embargoed deposit needs an embargo date.');
  return problems;
}
