import { loadArchive } from '../records/load-archive.ts';
import type { ArchiveRecord } from '../records/types.ts';
import { loadSchemas } from '../schemas/load-schemas.ts';
import { field, text } from '../validate/data.ts';
import { validateArchive } from '../validate/validate-archive.ts';
import { depositProblems } from './check-deposit.ts';
import { ZenodoClient } from './client.ts';
import { ZenodoError } from './errors.ts';
import { describeFailure } from './failures.ts';
import type { HttpOptions } from './http.ts';
import { MintJournal } from './journal.ts';
import type { MintContext, MintStep } from './mint-context.ts';
import { mintRecord } from './mint-record.ts';
import { planMint } from './plan.ts';
import { prepareItem } from './prepare-item.ts';

/**
 * `capsule mint` as a library call: plan which record versions need a DOI, check each locally,
 * then mint them one after another (Zenodo asks clients to stay under 100 requests a minute),
 * reporting progress as events. One record's failure does not stop the others; a refused token
 * stops the run.
 */
export interface MintRequest {
  root: string;
  /** The API base URL. */
  endpoint: string;
  /** Without a token, nothing is sent: a dry run. */
  token?: string;
  dryRun?: boolean;
  /** Only this record (`<collection>/<slug>`). */
  only?: string;
  /** The publication date of what is minted (YYYY-MM-DD). */
  today: string;
  userAgent: string;
  http?: Pick<HttpOptions, 'timeoutMs' | 'waitScale' | 'fetch' | 'policy'>;
  checkpoint?: (step: MintStep, recordId: string) => void | Promise<void>;
  onEvent?: (event: MintEvent) => void;
}

import type { MintEvent, MintReport } from './mint-events.ts';

export type { MintEvent, MintReport } from './mint-events.ts';

export class MintSetupError extends Error {
  override name = 'MintSetupError';
}

export async function mint(request: MintRequest): Promise<MintReport> {
  const emit = request.onEvent ?? (() => {});
  const dryRun = request.dryRun === true || !request.token;
  const archive = await loadArchive(request.root, { trivia: false });
  const config = archive.config?.data;
  const siteUrl = text(config, 'site_url');
  if (!config || !siteUrl)
    throw new MintSetupError(
      'content/archive.yaml must name the archive and its `site_url`: every DOI links to the record page there.',
    );
  const schemas = await loadSchemas(request.root);
  const only = request.only;
  if (only !== undefined && !archive.records.some((record) => record.id === only))
    throw new MintSetupError(
      `There is no record ${only}. Give it as <collection>/<slug>, e.g. ${archive.records[0]?.id ?? 'cms/higgs-tautau-2016'}.`,
    );
  const inScope = archive.records.filter((record) => only === undefined || record.id === only);
  const plan = planMint(inScope, request.today);
  const validation = await validateArchive(archive, schemas, {
    select: (dir) => plan.planned.some((item) => item.record.dir === dir),
  });
  const valid = new Map(validation.valid.map((record) => [record.id, record]));
  const report: MintReport = {
    dryRun,
    minted: [],
    failed: [],
    wouldMint: 0,
    notPublic: plan.skipped.filter((skip) => skip.reason === 'not-public').length,
    alreadyMinted: plan.skipped.filter((skip) => skip.reason === 'minted').length,
  };
  for (const skip of plan.skipped)
    if (skip.reason === 'external-doi')
      emit({
        type: 'warning',
        message: `${skip.id} has a DOI but no \`zenodo\` block: it was not minted by Capsule and is left alone.`,
      });
  if (
    only !== undefined &&
    plan.skipped.some((skip) => skip.id === only && skip.reason === 'not-public')
  )
    report.failed.push({
      id: only,
      message:
        'is not a public record: collaboration and restricted records are never sent to Zenodo.',
      details: [],
    });
  emit({
    type: 'plan',
    endpoint: request.endpoint,
    dryRun,
    records: plan.planned.length,
    embargoed: plan.planned.filter((item) => item.embargoed).length,
    notPublic: report.notPublic,
    minted: report.alreadyMinted,
  });

  const client = dryRun
    ? undefined
    : new ZenodoClient({
        baseUrl: request.endpoint,
        token: request.token!,
        userAgent: request.userAgent,
        ...request.http,
        onRetry: (event) =>
          emit({
            type: 'step',
            id: '',
            message: `retrying ${event.method} ${shortUrl(event.url, request.endpoint)} in ${(event.delayMs / 1000).toFixed(1)} s: ${event.why}`,
          }),
      });
  const journal = client ? await MintJournal.open(request.root) : undefined;
  if (client && journal) await tidyJournal(journal, client.baseUrl, archive.records, emit);
  const waitScale = request.http?.waitScale ?? 1;

  for (const [index, planned] of plan.planned.entries()) {
    const id = planned.record.id;
    emit({
      type: 'record',
      id,
      version: planned.version,
      kind: planned.kind,
      embargoed: planned.embargoed,
      index: index + 1,
      total: plan.planned.length,
    });
    const record = valid.get(id);
    if (!record) {
      const errors = validation.diagnostics.filter(
        (d) =>
          d.severity === 'error' &&
          (d.file === planned.record.metadataFile.path ||
            d.file.startsWith(`${planned.record.dir}/`)),
      );
      fail(
        report,
        emit,
        id,
        `does not validate (${errors.length} error${errors.length === 1 ? '' : 's'}): nothing was sent.`,
        [
          ...errors.slice(0, 5).map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`),
          `Run \`npx capsule validate ${planned.record.dir}\` for the full report.`,
        ],
      );
      continue;
    }
    const item = await prepareItem(record, planned, archive, request.today);
    const problems = depositProblems(item.metadata, item.files);
    if (problems.length > 0) {
      fail(
        report,
        emit,
        id,
        'cannot be published on Zenodo as it stands: nothing was sent.',
        problems,
      );
      continue;
    }
    if (!client || !journal) {
      report.wouldMint++;
      emit({
        type: 'dry-run',
        id,
        kind: planned.kind,
        ...(planned.conceptrecid ? { conceptrecid: planned.conceptrecid } : {}),
        metadata: item.metadata,
        files: item.files,
      });
      continue;
    }
    const context: MintContext = {
      root: request.root,
      client,
      journal,
      registry: schemas.registry,
      report: (message) => emit({ type: 'step', id, message }),
      wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms * waitScale)),
      ...(request.checkpoint ? { checkpoint: request.checkpoint } : {}),
    };
    try {
      const result = await mintRecord(item, context);
      report.minted.push(result);
      emit({ type: 'minted', result, file: record.metadataFile.path });
    } catch (error) {
      const { message, details } = describeFailure(error);
      fail(report, emit, id, message, details);
      if (error instanceof ZenodoError && (error.status === 401 || error.status === 403)) {
        const rest = plan.planned.slice(index + 1);
        if (rest.length > 0)
          emit({
            type: 'warning',
            message: `Zenodo refused the token: stopping, ${rest.length} record${rest.length === 1 ? '' : 's'} not attempted.`,
          });
        for (const skipped of rest)
          report.failed.push({
            id: skipped.record.id,
            message: 'not attempted: Zenodo refused the token.',
            details: [],
          });
        break;
      }
    }
  }
  return report;
}

async function tidyJournal(
  journal: MintJournal,
  endpoint: string,
  records: readonly ArchiveRecord[],
  emit: (event: MintEvent) => void,
): Promise<void> {
  const byId = new Map(records.map((record) => [record.id, record]));
  for (const { endpoint: at, recordId, entry } of journal.entries()) {
    if (at !== endpoint) {
      emit({
        type: 'warning',
        message: `The mint journal has an entry for ${recordId} on ${at}; left alone (this run uses ${endpoint}).`,
      });
      continue;
    }
    const data = byId.get(recordId)?.data;
    const zenodo = field(data, 'zenodo');
    if (
      text(data, 'doi') &&
      text(zenodo, 'version') === entry.record_version &&
      field(zenodo, 'deposition_id') === entry.deposition_id
    )
      await journal.remove(endpoint, recordId);
  }
}

function fail(
  report: MintReport,
  emit: (event: MintEvent) => void,
  id: string,
  message: string,
  details: string[],
): void {
  report.failed.push({ id, message, details });
  emit({ type: 'failed', id, message, details });
}

/** A request's path under the API, without its query: enough to tell calls apart in a log. */
function shortUrl(url: string, endpoint: string): string {
  const base = new URL(endpoint).pathname.replace(/\/+$/, '');
  const pathname = new URL(url).pathname;
  return pathname.startsWith(`${base}/`) ? pathname.slice(base.length) : pathname;
}
