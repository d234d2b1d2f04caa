import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { closest } from '../../text/suggest.ts';
import type { ArchiveRule } from '../rule.ts';
import { list } from '../data.ts';

/** `related_records` name records that exist in the archive. */
export const relatedRecords: ArchiveRule = (records) => {
  const ids = records.map((record) => record.id);
  const known = new Set(ids);
  const out: Diagnostic[] = [];
  for (const record of records) {
    list(record.data, 'related_records').forEach((id, index) => {
      if (typeof id !== 'string' || known.has(id)) return;
      const suggestion = closest(id, ids);
      out.push(
        record.metadataFile.diagnostic(
          'CAPSULE_RELATED_RECORD_MISSING',
          'error',
          `/related_records/${index}`,
          `The related record \`${id}\` does not exist in this archive.`,
          suggestion
            ? `Did you mean \`${suggestion}\`?`
            : 'Write the id as `<collection>/<folder>`, e.g. `cms/hig-16-043`.',
        ),
      );
    });
  }
  return out;
};
