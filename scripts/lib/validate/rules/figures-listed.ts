import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { RecordRule } from '../rule.ts';
import { field, list, text } from '../data.ts';
import { normalisePath } from '../paths.ts';

/** A figure shows a preserved file: it must be one the record lists (so it has a checksum). */
export const figuresListed: RecordRule = (record) => {
  const listed = new Set(
    list(record.data, 'files')
      .map((entry) => text(entry, 'path'))
      .filter((path): path is string => path !== undefined)
      .map(normalisePath),
  );
  const out: Diagnostic[] = [];
  list(field(record.data, 'results'), 'figures').forEach((figure, index) => {
    const file = text(figure, 'file');
    if (file === undefined || listed.has(normalisePath(file))) return;
    out.push(
      record.metadataFile.diagnostic(
        'CAPSULE_FIGURE_NOT_LISTED',
        'error',
        `/results/figures/${index}/file`,
        `The figure \`${file}\` is not one of the files the record lists.`,
        `List it under \`files\` (path, size, sha256), or point the figure at a listed file.`,
      ),
    );
  });
  return out;
};
