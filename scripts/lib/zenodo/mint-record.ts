import { acquireDeposition } from './acquire-deposition.ts';
import type { MintContext, MintItem, MintStep, MintedRecord } from './mint-context.ts';
import { publishOnce } from './publish-once.ts';
import { syncFiles } from './sync-files.ts';
import type { Deposition } from './types.ts';
import { writeBack } from './write-back.ts';

export { MINT_STEPS } from './mint-context.ts';
export type { MintContext, MintItem, MintStep, MintedRecord } from './mint-context.ts';

/**
 * Mints one record version, exactly once. Every step is either safe to repeat or recorded in the
 * journal before the next begins, so a run killed anywhere and run again continues where it
 * stopped: the journal names the deposition; without the journal (a fresh CI runner), Zenodo is
 * searched for the record's concept or marker; a publish whose answer was lost is resolved by
 * reading the deposition back.
 */
export async function mintRecord(item: MintItem, context: MintContext): Promise<MintedRecord> {
  const { client, journal } = context;
  const id = item.record.id;
  const endpoint = client.baseUrl;
  const checkpoint = async (step: MintStep) => context.checkpoint?.(step, id);

  // 1. The deposition this version already has, or a new draft.
  const acquired = await acquireDeposition(item, context);
  let deposition = acquired.deposition;
  if (acquired.published) return finish(item, context, deposition, true);

  await journal.set(endpoint, id, {
    record_version: item.version,
    deposition_id: deposition.id,
    concept_recid: deposition.conceptrecid,
    phase: 'draft',
  });
  await checkpoint('draft-recorded');

  // 2. Metadata (a PUT of all of it: safe to repeat) and files (reconciled by md5).
  deposition = await client.updateDeposition(deposition.id, item.metadata);
  await checkpoint('metadata-sent');
  await syncFiles(item, context, deposition);
  await checkpoint('files-done');

  // 3. Publish once.
  await journal.set(endpoint, id, {
    record_version: item.version,
    deposition_id: deposition.id,
    concept_recid: deposition.conceptrecid,
    phase: 'publishing',
  });
  await checkpoint('publish-requested');
  const published = await publishOnce(deposition.id, context);
  await checkpoint('published');
  return finish(item, context, published, false);
}

/** Records the DOI, writes it into the record, then forgets the journal entry. */
async function finish(
  item: MintItem,
  context: MintContext,
  deposition: Deposition,
  adopted: boolean,
): Promise<MintedRecord> {
  const { journal } = context;
  const endpoint = context.client.baseUrl;
  const doi = deposition.doi!;
  const conceptDoi = deposition.conceptdoi ?? doi;
  await journal.set(endpoint, item.record.id, {
    record_version: item.version,
    deposition_id: deposition.id,
    concept_recid: deposition.conceptrecid,
    phase: 'published',
    doi,
    concept_doi: conceptDoi,
  });
  await context.checkpoint?.('publish-recorded', item.record.id);
  await writeBack(
    context.root,
    item.record.metadataFile.path,
    {
      doi,
      conceptDoi,
      depositionId: deposition.id,
      conceptRecid: deposition.conceptrecid,
      version: item.version,
    },
    context.registry,
  );
  await context.checkpoint?.('written-back', item.record.id);
  await journal.remove(endpoint, item.record.id);
  return {
    id: item.record.id,
    doi,
    conceptDoi,
    depositionId: deposition.id,
    conceptRecid: deposition.conceptrecid,
    adopted,
  };
}
