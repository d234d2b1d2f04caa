import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { formatBytes } from '../../text/decode.ts';
import type { RecordRule } from '../rule.ts';
import { field, list, text } from '../data.ts';
import { normalisePath, pathProblem } from '../paths.ts';

/**
 * Fixity: every file a record lists exists, with the size and sha256 the record states. The hash
 * is computed only when the size already matches.
 */
export const listedFiles: RecordRule = async (record, context) => {
  const out: Diagnostic[] = [];
  const onDisk = new Map(record.files.map((file) => [file.path, file]));
  const seen = new Map<string, number>();
  const entries = list(record.data, 'files');
  for (const [index, entry] of entries.entries()) {
    const path = text(entry, 'path');
    if (path === undefined || pathProblem(path)) continue;
    const key = normalisePath(path);
    const pointer = `/files/${index}`;
    const first = seen.get(key);
    if (first !== undefined) {
      out.push(
        record.metadataFile.diagnostic(
          'CAPSULE_FILE_LISTED_TWICE',
          'error',
          `${pointer}/path`,
          `\`${path}\` is listed twice (also files[${first}]).`,
          'Remove one of the two entries.',
        ),
      );
      continue;
    }
    seen.set(key, index);
    const file = onDisk.get(key);
    if (!file) {
      out.push(
        record.metadataFile.diagnostic(
          'CAPSULE_FILE_MISSING',
          'error',
          `${pointer}/path`,
          `The record lists \`${path}\`, but ${record.dir}/${path} does not exist.`,
          'Add the file (`git add` it), fix the path, or remove the entry.',
        ),
      );
      continue;
    }
    const size = field(entry, 'size');
    if (typeof size === 'number' && size !== file.size) {
      out.push(
        record.metadataFile.diagnostic(
          'CAPSULE_FILE_SIZE_MISMATCH',
          'error',
          `${pointer}/size`,
          `\`${path}\` is ${file.size} bytes (${formatBytes(file.size)}), but the record says ${size}.`,
          `If the file changed on purpose, set \`size: ${file.size}\` and update \`sha256\` (run \`sha256sum ${record.dir}/${path}\`).`,
        ),
      );
      continue;
    }
    const expected = text(entry, 'sha256');
    if (expected === undefined) continue;
    const actual = await context.sha256(`${record.dir}/${key}`);
    if (actual !== expected.toLowerCase()) {
      out.push(
        record.metadataFile.diagnostic(
          'CAPSULE_FILE_CHECKSUM_MISMATCH',
          'error',
          `${pointer}/sha256`,
          `\`${path}\` has sha256 ${actual}, but the record says ${expected}.`,
          `If the file changed on purpose, set \`sha256: ${actual}\`; otherwise restore the preserved version from git history.`,
        ),
      );
    }
  }
  return out;
};
