import type { Deposition } from './types.ts';

/**
 * Given what Zenodo holds for a record (found by its concept or by Capsule's marker), decides how
 * to get a draft for the version being minted without ever making a second one: the version is
 * already published (a run died before the write-back) → take its DOI; a draft exists (a run
 * died after making it) → adopt it; the record has a concept → ask for a new version of it;
 * otherwise → create. Pure.
 */
export type Resolution =
  | { kind: 'published'; deposition: Deposition }
  | { kind: 'draft'; deposition: Deposition; orphans: Deposition[] }
  | { kind: 'new-version'; of: number; conceptrecid: string }
  | { kind: 'create' };

export interface ResolveInput {
  version: string;
  /** The concept the record names (`zenodo.concept_recid`), or one learnt from the journal. */
  conceptrecid?: string;
  /** The newest deposition the record (or journal) knows of in that concept. */
  latestKnownId?: number;
  found: readonly Deposition[];
}

export function resolveDeposition(input: ResolveInput): Resolution {
  const unique = [
    ...new Map(input.found.map((deposition) => [deposition.id, deposition])).values(),
  ].sort((a, b) => a.id - b.id);
  const published = unique.filter(isPublished);
  const drafts = unique.filter((deposition) => !deposition.submitted);
  const sameVersion = published.find(
    (deposition) =>
      deposition.metadata.version === input.version &&
      (input.conceptrecid === undefined || deposition.conceptrecid === input.conceptrecid),
  );
  if (sameVersion) return { kind: 'published', deposition: sameVersion };

  // Zenodo's concept for this record: the one it names, else the oldest one carrying its marker.
  const conceptrecid = input.conceptrecid ?? published[0]?.conceptrecid;
  if (conceptrecid !== undefined) {
    const draft = drafts.find((deposition) => deposition.conceptrecid === conceptrecid);
    if (draft) return { kind: 'draft', deposition: draft, orphans: [] };
    const latest = Math.max(
      input.latestKnownId ?? 0,
      ...published
        .filter((deposition) => deposition.conceptrecid === conceptrecid)
        .map((deposition) => deposition.id),
    );
    if (latest > 0) return { kind: 'new-version', of: latest, conceptrecid };
  }
  if (conceptrecid === undefined) {
    // A first version: adopt the oldest draft; later ones are leftovers of lost create responses.
    const [first, ...orphans] = drafts;
    if (first) return { kind: 'draft', deposition: first, orphans };
  }
  return { kind: 'create' };
}

export function isPublished(deposition: Deposition): boolean {
  return deposition.submitted && typeof deposition.doi === 'string';
}
