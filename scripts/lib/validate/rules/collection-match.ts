import type { RecordRule } from '../rule.ts';
import { text } from '../data.ts';

/** A record sits in the collection of its experiment: a CMS analysis does not go under atlas/. */
export const collectionMatch: RecordRule = (record, { collection }) => {
  const experiment = text(record.data, 'experiment');
  const expected = collection ? text(collection.data, 'experiment') : undefined;
  if (!experiment || !expected || experiment.toLowerCase() === expected.toLowerCase()) return [];
  return [
    record.metadataFile.diagnostic(
      'CAPSULE_COLLECTION_MISMATCH',
      'error',
      '/experiment',
      `The record says \`experiment: ${experiment}\`, but it is in the ${expected} collection \`${record.collection}\`.`,
      `Move the folder to the ${experiment} collection (\`git mv ${record.dir} content/<collection>/${record.slug}\`), or fix \`experiment\`.`,
    ),
  ];
};
