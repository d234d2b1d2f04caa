import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { normaliseDoi } from '../../identifiers/doi.ts';
import type { ArchiveRule } from '../rule.ts';
import { text } from '../data.ts';

/** A DOI names one record version, a concept DOI one record: never two records. */
export const uniqueDois: ArchiveRule = (records) => {
  const owners = new Map<string, Array<{ id: string; key: string }>>();
  for (const record of records) {
    for (const key of ['doi', 'concept_doi']) {
      const doi = text(record.data, key);
      if (doi)
        owners.set(normaliseDoi(doi), [
          ...(owners.get(normaliseDoi(doi)) ?? []),
          { id: record.id, key },
        ]);
    }
  }
  const out: Diagnostic[] = [];
  for (const record of records) {
    for (const key of ['doi', 'concept_doi']) {
      const doi = text(record.data, key);
      if (!doi) continue;
      const others = (owners.get(normaliseDoi(doi)) ?? []).filter(
        (owner) => !(owner.id === record.id && owner.key === key),
      );
      if (others.length === 0) continue;
      out.push(
        record.metadataFile.diagnostic(
          'CAPSULE_DUPLICATE_DOI',
          'error',
          `/${key}`,
          `The DOI ${doi} is also the ${others.map((other) => `\`${other.key}\` of \`${other.id}\``).join(', ')}.`,
          'DOIs are minted by CI and written back; remove the copied one (and the `zenodo` block with it) so a fresh DOI is minted.',
        ),
      );
    }
  }
  return out;
};
