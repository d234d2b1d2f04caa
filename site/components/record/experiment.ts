import type { SiteRecord } from '../../../scripts/lib/site/types.ts';

const BLOCKS = ['cms', 'atlas', 'lhcb', 'alice'] as const;
const LABELS: { [key: string]: string } = {
  cms: 'CMS',
  atlas: 'ATLAS',
  lhcb: 'LHCb',
  alice: 'ALICE',
};

/** The key of the experiment block a record has (`cms`, `atlas`...), if any. */
export function experimentKey(record: SiteRecord): string | undefined {
  const metadata = record.metadata as unknown as { [key: string]: unknown };
  return BLOCKS.find((key) => metadata[key] !== undefined && metadata[key] !== null);
}

export function experimentTitle(record: SiteRecord): string {
  const key = experimentKey(record);
  return `${key ? (LABELS[key] ?? key) : record.metadata.experiment} analysis details`;
}
