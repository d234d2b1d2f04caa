import type { LoadedArchive } from '../records/load-archive.ts';
import { recordPageUrl } from '../records/page-url.ts';
import type { ValidRecord } from '../records/types.ts';
import { field, list, text } from '../validate/data.ts';
import { depositMetadata } from './metadata.ts';
import type { MintItem } from './mint-context.ts';
import type { PlannedRecord } from './plan.ts';
import { uploadSet } from './upload-set.ts';

/**
 * Everything one planned record sends: its deposit metadata (with the archive's facts: site URL,
 * communities of its collection and of the archive, DOIs of related records, default licence)
 * and its files with their md5.
 */
export async function prepareItem(
  record: ValidRecord,
  planned: PlannedRecord,
  archive: LoadedArchive,
  today: string,
): Promise<MintItem> {
  const config = archive.config!.data;
  const pageUrl = recordPageUrl(text(config, 'site_url')!, record.id);
  const collection = archive.collections.get(record.collection)?.data;
  const communities = [
    ...list(field(collection, 'zenodo'), 'communities').filter(
      (value): value is string => typeof value === 'string',
    ),
    ...[text(field(config, 'zenodo'), 'community')].filter(
      (value): value is string => value !== undefined,
    ),
  ];
  const byId = new Map(archive.records.map((other) => [other.id, other]));
  const relatedRecordDois = (record.metadata.related_records ?? [])
    .map((relatedId) => byId.get(relatedId))
    .map((other) =>
      other ? (text(other.data, 'concept_doi') ?? text(other.data, 'doi')) : undefined,
    )
    .filter((doi): doi is string => doi !== undefined);
  const defaultLicense = text(config, 'default_license');
  const metadata = depositMetadata(record.metadata, {
    recordId: record.id,
    pageUrl,
    archiveName: text(config, 'name') ?? 'Capsule archive',
    communities,
    published: today,
    today: today,
    relatedRecordDois,
    ...(defaultLicense ? { defaultLicense } : {}),
  });
  const item: MintItem = {
    record,
    version: planned.version,
    metadata,
    files: await uploadSet(archive.root, record),
    pageUrl,
  };
  if (planned.conceptrecid !== undefined) item.conceptrecid = planned.conceptrecid;
  if (planned.latestKnownId !== undefined) item.latestKnownId = planned.latestKnownId;
  return item;
}

/** Drops entries whose DOI reached the record (a run died just after the write-back). */
