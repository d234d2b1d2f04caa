import { readFile } from 'node:fs/promises';
import type { ValidRecord } from '../records/types.ts';
import type { SchemaRegistry } from '../schemas/registry.ts';
import type { ZenodoClient } from './client.ts';
import { ZenodoError } from './errors.ts';
import type { MintJournal } from './journal.ts';
import { carriesMarker } from './metadata.ts';
import { bareMd5 } from './parse.ts';
import { isPublished, resolveDeposition } from './resolve.ts';
import type { DepositMetadata, Deposition } from './types.ts';
import type { UploadFile } from './upload-set.ts';
import { writeBack } from './write-back.ts';

/**
 * Mints one record version, exactly once. Every step is either safe to repeat or recorded in the
 * journal before the next begins, so a run killed anywhere and run again continues where it
 * stopped: the journal names the deposition; without the journal (a fresh CI runner), Zenodo is
 * searched for the record's concept or marker; a publish whose answer was lost is resolved by
 * reading the deposition back.
 */
export const MINT_STEPS = [
  'draft-requested',
  'draft-created',
  'draft-recorded',
  'metadata-sent',
  'file-uploaded',
  'files-done',
  'publish-requested',
  'published',
  'publish-recorded',
  'written-back',
] as const;
export type MintStep = (typeof MINT_STEPS)[number];

export interface MintItem {
  record: ValidRecord;
  version: string;
  metadata: DepositMetadata;
  files: UploadFile[];
  pageUrl: string;
  /** The concept the record's `zenodo` block names: this version is a new version of it. */
  conceptrecid?: string;
  latestKnownId?: number;
}

export interface MintContext {
  root: string;
  client: ZenodoClient;
  journal: MintJournal;
  registry: SchemaRegistry;
  /** Called at each step boundary (tests stop the process there). */
  checkpoint?: (step: MintStep, recordId: string) => void | Promise<void>;
  report: (message: string) => void;
  wait: (ms: number) => Promise<void>;
}

export interface MintedRecord {
  id: string;
  doi: string;
  conceptDoi: string;
  depositionId: number;
  conceptRecid: string;
  /** Found already published on Zenodo (an earlier run died before writing it back). */
  adopted: boolean;
}

/** Publish attempts after reading back a publish that failed without being published. */
const PUBLISH_ATTEMPTS = 4;
/** Searches for a draft whose create answer was lost, waiting for Zenodo's index in between. */
const FIND_ATTEMPTS = 4;

export async function mintRecord(item: MintItem, context: MintContext): Promise<MintedRecord> {
  const { client, journal } = context;
  const id = item.record.id;
  const endpoint = client.baseUrl;
  const checkpoint = async (step: MintStep) => context.checkpoint?.(step, id);
  let concept = item.conceptrecid;
  let latestKnownId = item.latestKnownId;

  // 1. Find the draft (or the published version) this record version already has.
  let deposition: Deposition | undefined;
  const entry = journal.get(endpoint, id);
  if (entry && entry.record_version !== item.version) {
    // A journal entry for an earlier version: its concept is this record's, even if the record lost it.
    if (entry.phase === 'published' && concept === undefined) {
      concept = entry.concept_recid;
      latestKnownId = entry.deposition_id;
    }
    await journal.remove(endpoint, id);
  } else if (entry) {
    deposition = await readDeposition(client, entry.deposition_id);
    if (deposition)
      context.report(`resuming deposition ${deposition.id} (${entry.phase}, from the journal)`);
  }
  if (!deposition || (!isPublished(deposition) && deposition.state !== 'unsubmitted')) {
    const found = await discover(item, context, concept);
    const resolution = resolveDeposition({
      version: item.version,
      found,
      ...(concept !== undefined ? { conceptrecid: concept } : {}),
      ...(latestKnownId !== undefined ? { latestKnownId } : {}),
    });
    if (resolution.kind === 'published') {
      deposition = resolution.deposition;
      context.report(
        `found version ${item.version} already published as deposition ${deposition.id}`,
      );
    } else if (resolution.kind === 'draft') {
      deposition = resolution.deposition;
      context.report(`adopting draft ${deposition.id} left by an earlier run`);
      for (const orphan of resolution.orphans) {
        await client.deleteDeposition(orphan.id);
        context.report(`deleted duplicate draft ${orphan.id}`);
      }
    } else {
      await checkpoint('draft-requested');
      deposition =
        resolution.kind === 'create'
          ? await createDraft(item, context)
          : await newVersionDraft(resolution.of, context);
      await checkpoint('draft-created');
    }
  }

  if (isPublished(deposition)) return finish(item, context, deposition, true);

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

async function readDeposition(client: ZenodoClient, id: number): Promise<Deposition | undefined> {
  try {
    return await client.getDeposition(id);
  } catch (error) {
    if (error instanceof ZenodoError && error.status === 404) return undefined;
    throw error;
  }
}

/** What Zenodo holds for the record: its concept's depositions, or those carrying its marker. */
async function discover(
  item: MintItem,
  context: MintContext,
  concept: string | undefined,
): Promise<Deposition[]> {
  const { client } = context;
  if (concept !== undefined) {
    const found = await client.searchDepositions(`conceptrecid:"${concept}"`);
    return found.filter((deposition) => deposition.conceptrecid === concept);
  }
  const found = await client.searchDepositions(
    `alternate.identifier:"${escapeQuery(item.pageUrl)}"`,
  );
  return found.filter((deposition) => carriesMarker(deposition.metadata, item.pageUrl));
}

/**
 * Creates the first version's draft, tagged with the record's marker in the same request. A
 * create is never repeated blindly: when its answer is lost, Zenodo is searched (its index lags,
 * so a few times) for the draft it may have made, and only if none appears is it created again.
 */
async function createDraft(item: MintItem, context: MintContext): Promise<Deposition> {
  for (let attempt = 1; ; attempt++) {
    try {
      const deposition = await context.client.createDeposition(item.metadata);
      context.report(`created draft ${deposition.id}`);
      return deposition;
    } catch (error) {
      if (!(error instanceof ZenodoError && error.ambiguous) || attempt >= FIND_ATTEMPTS)
        throw error;
      context.report(
        `create got no answer (${error.message}); looking for the draft it may have made`,
      );
      for (let look = 1; look <= FIND_ATTEMPTS; look++) {
        const found = await discover(item, context, undefined);
        const draft = found
          .filter((deposition) => !deposition.submitted)
          .sort((a, b) => a.id - b.id)[0];
        if (draft) {
          context.report(`found draft ${draft.id}`);
          return draft;
        }
        await context.wait(1000 * 2 ** (look - 1));
      }
    }
  }
}

/**
 * A draft of the next version with the previous files imported. If the answer is lost or the
 * concept already has a next draft (400 `files.enabled`), InvenioRDM's versions endpoint, which
 * returns the existing next draft, says which one it is.
 */
async function newVersionDraft(of: number, context: MintContext): Promise<Deposition> {
  try {
    const deposition = await context.client.newVersion(of);
    context.report(`created draft ${deposition.id}, a new version of deposition ${of}`);
    return deposition;
  } catch (error) {
    const draftExists =
      error instanceof ZenodoError &&
      error.status === 400 &&
      error.fieldErrors.some((field) => field.field === 'files.enabled');
    if (!(error instanceof ZenodoError && (error.ambiguous || draftExists))) throw error;
    const id = await context.client.nextVersionDraftId(of);
    context.report(`using the next-version draft ${id} of deposition ${of}`);
    return context.client.getDeposition(id);
  }
}

/** Makes the draft's files exactly the record's: deletes extras, uploads what is missing or changed. */
async function syncFiles(item: MintItem, context: MintContext, start: Deposition): Promise<void> {
  const { client } = context;
  const bucket = start.links.bucket;
  if (!bucket) throw new Error(`Zenodo gave deposition ${start.id} no bucket to upload to.`);
  let deposition = start;
  for (let round = 1; ; round++) {
    const remote = new Map(deposition.files.map((file) => [file.filename, bareMd5(file.checksum)]));
    const wanted = new Set(item.files.map((file) => file.key));
    let removed = 0;
    let uploaded = 0;
    for (const name of remote.keys()) {
      if (wanted.has(name)) continue;
      await client.deleteFile(bucket, name);
      removed++;
    }
    for (const file of item.files) {
      if (remote.get(file.key) === file.md5) continue;
      const stored = await client.putFile(bucket, file.key, await readFile(file.file));
      if (bareMd5(stored.checksum) !== file.md5)
        throw new Error(
          `Zenodo stored ${file.key} with md5 ${bareMd5(stored.checksum)}, not ${file.md5}: the upload was corrupted.`,
        );
      uploaded++;
      await context.checkpoint?.('file-uploaded', item.record.id);
    }
    context.report(
      `files: ${uploaded} uploaded, ${item.files.length - uploaded} unchanged, ${removed} removed`,
    );
    // Read the draft back: publish only what Zenodo says it holds.
    deposition = await client.getDeposition(deposition.id);
    const held = new Map(deposition.files.map((file) => [file.filename, bareMd5(file.checksum)]));
    const complete =
      held.size === item.files.length &&
      item.files.every((file) => held.get(file.key) === file.md5);
    if (complete) return;
    if (round >= 2)
      throw new Error(
        `Deposition ${deposition.id} does not hold the record's files after uploading them twice.`,
      );
  }
}

/**
 * Publishes a draft, never twice: when the answer is lost (5xx, timeout, reset) or is a 404, the
 * deposition is read back; published means done, otherwise the publish did not happen and may be
 * sent again.
 */
async function publishOnce(id: number, context: MintContext): Promise<Deposition> {
  for (let attempt = 1; ; attempt++) {
    try {
      const deposition = await context.client.publish(id);
      if (isPublished(deposition)) return deposition;
      throw new Error(`Zenodo answered the publish of deposition ${id} without a DOI.`);
    } catch (error) {
      if (!(error instanceof ZenodoError) || !(error.ambiguous || error.status === 404))
        throw error;
      const answer = error.status ? `${error.status} ${error.message}` : error.message;
      context.report(`publish got no clear answer (${answer}); reading deposition ${id} back`);
      const deposition = await readDeposition(context.client, id);
      if (!deposition)
        throw new Error(
          `Deposition ${id} is gone from Zenodo: it was deleted while being published.`,
          { cause: error },
        );
      if (isPublished(deposition)) return deposition;
      if (error.status === 404 || attempt >= PUBLISH_ATTEMPTS) throw error;
      await context.wait(1000 * 2 ** (attempt - 1));
    }
  }
}

function escapeQuery(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}
