import { ZenodoError } from './errors.ts';
import type { ZenodoClient } from './client.ts';
import { carriesMarker } from './metadata.ts';
import type { MintContext, MintItem, MintStep } from './mint-context.ts';
import { isPublished, resolveDeposition } from './resolve.ts';
import type { Deposition } from './types.ts';

/**
 * Gets the deposition for a record version without ever making a second one: the one the
 * journal names; else what Zenodo holds for the record (its concept's depositions, or those
 * carrying its marker) — a published version to adopt, a draft to continue; else a new draft.
 */

/** Searches for a draft whose create answer was lost, waiting for Zenodo's index in between. */
const FIND_ATTEMPTS = 4;

export interface Acquired {
  deposition: Deposition;
  /** Already published by an earlier run. */
  published: boolean;
}

export async function acquireDeposition(item: MintItem, context: MintContext): Promise<Acquired> {
  const { client, journal } = context;
  const id = item.record.id;
  const endpoint = client.baseUrl;
  const checkpoint = async (step: MintStep) => context.checkpoint?.(step, id);
  let concept = item.conceptrecid;
  let latestKnownId = item.latestKnownId;

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

  return { deposition, published: isPublished(deposition) };
}

export async function readDeposition(
  client: ZenodoClient,
  id: number,
): Promise<Deposition | undefined> {
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
      // Not visible after ~15 s: most likely never made. If it was, it stays an unpublished draft.
      context.report(
        'no draft found; creating again (a draft Zenodo made but never showed would stay unpublished in your Zenodo uploads)',
      );
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

function escapeQuery(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}
