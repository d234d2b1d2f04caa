import type { RecordRule } from '../rule.ts';
import { list, text } from '../data.ts';
import { normalisePath } from '../paths.ts';
import { PRESERVED_FILES_DIR } from '../../records/layout.ts';

/** Everything under files/ is listed in the record, so it has a checksum to verify. */
export const unlistedFiles: RecordRule = async (record, context) => {
  const listed = new Set(
    list(record.data, 'files')
      .map((entry) => text(entry, 'path'))
      .filter((path): path is string => path !== undefined)
      .map(normalisePath),
  );
  const unlisted = record.files.filter(
    (file) => file.path.startsWith(`${PRESERVED_FILES_DIR}/`) && !listed.has(file.path),
  );
  return Promise.all(
    unlisted.map(async (file) => {
      const sha256 = await context.sha256(`${record.dir}/${file.path}`);
      return record.metadataFile.diagnostic(
        'CAPSULE_FILE_UNLISTED',
        'error',
        list(record.data, 'files').length > 0 ? '/files' : '',
        `${record.dir}/${file.path} is in the record folder but not listed under \`files\`, so nothing guards its integrity.`,
        `Add to \`files\`: \`- {path: ${file.path}, size: ${file.size}, sha256: ${sha256}}\` (with a description), or delete the file.`,
        'key',
      );
    }),
  );
};
