import { isEmbargoed } from '../records/access.ts';
import type { ArchiveRecord } from '../records/types.ts';
import { field, isMap, text } from '../validate/data.ts';

/**
 * Which records `capsule mint` sends: public records (embargoed ones too, as Zenodo embargoed
 * deposits) whose current version has no DOI yet — no `doi`, or a `zenodo.version` that is not
 * the record's `version`. Collaboration and restricted records are never sent. Pure.
 */
export type MintKind = 'first-version' | 'new-version';

export interface PlannedRecord {
  record: ArchiveRecord;
  kind: MintKind;
  version: string;
  embargoed: boolean;
  /** For a new version: the concept and the newest deposition the record names. */
  conceptrecid?: string;
  latestKnownId?: number;
}

export type SkipReason = 'not-public' | 'minted' | 'external-doi';

export interface MintPlan {
  planned: PlannedRecord[];
  skipped: Array<{ id: string; reason: SkipReason }>;
}

export function planMint(records: readonly ArchiveRecord[], today: string): MintPlan {
  const plan: MintPlan = { planned: [], skipped: [] };
  for (const record of [...records].sort((a, b) => a.id.localeCompare(b.id))) {
    const data = record.data;
    const access = field(data, 'access');
    const level = text(access, 'level');
    if (level !== 'public') {
      plan.skipped.push({ id: record.id, reason: 'not-public' });
      continue;
    }
    const version = text(data, 'version') ?? '';
    const doi = text(data, 'doi');
    const zenodo = field(data, 'zenodo');
    if (doi && !isMap(zenodo)) {
      plan.skipped.push({ id: record.id, reason: 'external-doi' });
      continue;
    }
    const mintedVersion = isMap(zenodo) ? text(zenodo, 'version') : undefined;
    if (doi && mintedVersion === version) {
      plan.skipped.push({ id: record.id, reason: 'minted' });
      continue;
    }
    const embargoUntil = text(access, 'embargo_until');
    const planned: PlannedRecord = {
      record,
      kind: 'first-version',
      version,
      embargoed: isEmbargoed(
        { level: 'public', ...(embargoUntil ? { embargo_until: embargoUntil } : {}) },
        today,
      ),
    };
    const concept = isMap(zenodo) ? text(zenodo, 'concept_recid') : undefined;
    const latest = isMap(zenodo) ? field(zenodo, 'deposition_id') : undefined;
    if (concept) {
      planned.kind = 'new-version';
      planned.conceptrecid = concept;
      if (typeof latest === 'number') planned.latestKnownId = latest;
    }
    plan.planned.push(planned);
  }
  return plan;
}
