import type { RecordFolder } from './record-folders.ts';

/**
 * Moved records: within one commit, a record folder that vanished and one that appeared are the
 * same record when their metadata is identical, or nearly so (at least half of the lines in
 * common, as git's own rename detection judges files). Exact matches are paired first, then
 * folders with the same last name (a record moved into a shard), then the closest remaining.
 */
export interface Move {
  from: RecordFolder;
  to: RecordFolder;
}

export const SIMILARITY_THRESHOLD = 0.5;

/** Beyond this many fuzzy comparisons in one commit, only exact and same-name moves are found. */
const MAX_FUZZY_PAIRS = 40_000;

export async function detectMoves(
  vanished: readonly RecordFolder[],
  appeared: readonly RecordFolder[],
  text: (oid: string) => Promise<string>,
): Promise<Move[]> {
  const moves: Move[] = [];
  const gone = new Set(vanished);
  const fresh = new Set(appeared);
  const pair = (from: RecordFolder, to: RecordFolder) => {
    moves.push({ from, to });
    gone.delete(from);
    fresh.delete(to);
  };

  for (const key of ['tree', 'metadata'] as const) {
    const byOid = new Map<string, RecordFolder[]>();
    for (const folder of fresh) {
      const oid = key === 'tree' ? folder.tree : folder.metadata.oid;
      byOid.set(oid, [...(byOid.get(oid) ?? []), folder]);
    }
    for (const from of [...gone]) {
      const candidates = byOid.get(key === 'tree' ? from.tree : from.metadata.oid);
      const to =
        candidates?.find((c) => fresh.has(c) && baseName(c.dir) === baseName(from.dir)) ??
        candidates?.find((c) => fresh.has(c));
      if (to) pair(from, to);
    }
  }
  if (gone.size === 0 || fresh.size === 0) return moves;

  const lines = new Map<string, Map<string, number>>();
  const linesOf = async (oid: string) => {
    let counted = lines.get(oid);
    if (!counted) {
      counted = countLines(await text(oid));
      lines.set(oid, counted);
    }
    return counted;
  };
  const sameName = [...gone].flatMap((from) =>
    [...fresh].filter((to) => baseName(to.dir) === baseName(from.dir)).map((to) => ({ from, to })),
  );
  const all =
    gone.size * fresh.size <= MAX_FUZZY_PAIRS
      ? [...gone].flatMap((from) => [...fresh].map((to) => ({ from, to })))
      : [];
  for (const candidates of [sameName, all]) {
    const scored: Array<{ from: RecordFolder; to: RecordFolder; score: number }> = [];
    for (const { from, to } of candidates) {
      if (!gone.has(from) || !fresh.has(to)) continue;
      const score = similarity(await linesOf(from.metadata.oid), await linesOf(to.metadata.oid));
      if (score >= SIMILARITY_THRESHOLD) scored.push({ from, to, score });
    }
    scored.sort((x, y) => y.score - x.score || x.to.dir.localeCompare(y.to.dir));
    for (const { from, to } of scored) if (gone.has(from) && fresh.has(to)) pair(from, to);
  }
  return moves;
}

function baseName(dir: string): string {
  return dir.slice(dir.lastIndexOf('/') + 1);
}

function countLines(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of text.split('\n')) {
    const trimmed = line.trimEnd();
    if (trimmed === '') continue;
    counts.set(trimmed, (counts.get(trimmed) ?? 0) + 1);
  }
  return counts;
}

/** Dice coefficient of the two files' non-blank lines (as multisets): 1 for identical files. */
export function similarity(a: Map<string, number>, b: Map<string, number>): number {
  let sizeA = 0;
  let sizeB = 0;
  let common = 0;
  for (const count of a.values()) sizeA += count;
  for (const [line, count] of b) {
    sizeB += count;
    common += Math.min(count, a.get(line) ?? 0);
  }
  return sizeA + sizeB === 0 ? 1 : (2 * common) / (sizeA + sizeB);
}
