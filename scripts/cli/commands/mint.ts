import { readFileSync } from 'node:fs';
import { loadArchive } from '../../lib/records/load-archive.ts';
import { today } from '../../lib/records/access.ts';
import { field, text } from '../../lib/validate/data.ts';
import { resolveEndpoint } from '../../lib/zenodo/endpoints.ts';
import { JournalError } from '../../lib/zenodo/journal.ts';
import { MintSetupError, mint } from '../../lib/zenodo/mint.ts';
import type { MintReport } from '../../lib/zenodo/mint.ts';
import { formatMintEvent, formatMintSummary } from '../../lib/zenodo/format-report.ts';
import { MINT_STEPS } from '../../lib/zenodo/mint-record.ts';
import type { MintStep } from '../../lib/zenodo/mint-record.ts';
import { createRedactor, redactingStream } from '../../lib/zenodo/redact.ts';
import { ROOT_OPTION, findArchiveRoot } from '../archive-root.ts';
import { EXIT_INVALID, EXIT_OK, UsageError } from '../command.ts';
import type { Command } from '../command.ts';

export const mintCommand: Command = {
  name: 'mint',
  summary: 'Mint DOIs through Zenodo for public records and write them back',
  usage: 'capsule mint [--dry-run] [--sandbox] [--only <collection>/<slug>]',
  description: [
    'For every public record whose current version has no DOI yet (embargoed ones as Zenodo',
    'embargoed deposits; collaboration and restricted records are never sent), creates the Zenodo',
    'deposition (a new version under the concept DOI when the record has one), sends its complete',
    'metadata, uploads the record folder (skipping files Zenodo already has), publishes, and writes',
    '`doi`, `concept_doi` and `zenodo` back into the record. Exactly once: progress is kept in',
    '.capsule/mint-journal.json, so a run that dies anywhere is simply run again.',
    '',
    'The token comes from ZENODO_TOKEN only and is never printed; without it the command does a dry',
    'run. ZENODO_API_URL points it at another Zenodo (an emulator). Exit 1 if any record failed.',
  ].join('\n'),
  options: {
    'dry-run': { type: 'boolean', description: 'Print what would be sent; send nothing.' },
    sandbox: {
      type: 'boolean',
      description: 'Use sandbox.zenodo.org (test DOIs) even if archive.yaml does not say so.',
    },
    only: { type: 'string', value: '<collection>/<slug>', description: 'Mint this record only.' },
    ...ROOT_OPTION,
  },
  examples: [
    {
      command: 'capsule mint --dry-run',
      explanation: 'Show the metadata and files each record would send.',
    },
    {
      command: 'ZENODO_TOKEN=… capsule mint --sandbox',
      explanation: 'Mint test DOIs on sandbox.zenodo.org.',
    },
    { command: 'capsule mint --only cms/higgs-tautau-2016', explanation: 'Mint one record.' },
  ],
  positionals: 'none',
  async run({ values }, rawIo) {
    const token = rawIo.env.ZENODO_TOKEN?.trim() || undefined;
    const redact = createRedactor([token]);
    const io = {
      ...rawIo,
      stdout: redactingStream(rawIo.stdout, redact),
      stderr: redactingStream(rawIo.stderr, redact),
    };
    const root = findArchiveRoot(io.cwd, values.root as string | undefined);
    const only =
      typeof values.only === 'string'
        ? values.only.replace(/^content\//, '').replace(/\/+$/, '')
        : undefined;
    const archive = await loadArchive(root);
    let endpoint: string;
    try {
      endpoint = resolveEndpoint({
        explicit: io.env.ZENODO_API_URL,
        sandbox: values.sandbox === true,
        archiveSandbox: field(field(archive.config?.data, 'zenodo'), 'sandbox') === true,
      });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const print = (line = '') => io.stdout.write(`${line}\n`);
    if (values['dry-run'] !== true && !token)
      print('ZENODO_TOKEN is not set: this is a dry run, nothing is sent.');
    let report: MintReport;
    try {
      report = await mint({
        root,
        endpoint,
        ...(token ? { token } : {}),
        dryRun: values['dry-run'] === true,
        ...(only !== undefined ? { only } : {}),
        today: today(io.env),
        userAgent: userAgent(text(field(archive.config?.data, 'forge'), 'repository')),
        http: httpTuning(io.env),
        ...killHook(io.env),
        onEvent: (event) => formatMintEvent(event).forEach((line) => print(line)),
      });
    } catch (error) {
      if (
        error instanceof MintSetupError &&
        only !== undefined &&
        error.message.startsWith('There is no record')
      )
        throw new UsageError(error.message);
      if (error instanceof MintSetupError || error instanceof JournalError) {
        io.stderr.write(`capsule mint: ${error.message}\n`);
        return EXIT_INVALID;
      }
      throw error;
    }
    for (const line of formatMintSummary(report)) print(line);
    return report.failed.length > 0 ? EXIT_INVALID : EXIT_OK;
  },
};

function userAgent(repository: string | undefined): string {
  const manifest = JSON.parse(
    readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  return `capsule/${manifest.version} (+https://github.com/${repository ?? 'capsule-archive/capsule'}; DOI minting) node/${process.versions.node}`;
}

/** Timeouts and waits shrink for tests and emulators (CAPSULE_ZENODO_TIMEOUT_MS, CAPSULE_ZENODO_WAIT_SCALE). */
function httpTuning(env: NodeJS.ProcessEnv): { timeoutMs?: number; waitScale?: number } {
  const out: { timeoutMs?: number; waitScale?: number } = {};
  const timeout = Number(env.CAPSULE_ZENODO_TIMEOUT_MS);
  if (Number.isFinite(timeout) && timeout > 0) out.timeoutMs = timeout;
  const scale = Number(env.CAPSULE_ZENODO_WAIT_SCALE);
  if (env.CAPSULE_ZENODO_WAIT_SCALE !== undefined && Number.isFinite(scale) && scale >= 0)
    out.waitScale = scale;
  return out;
}

/**
 * For the crash tests: CAPSULE_TEST_KILL_AT=<step>[:<n>] kills this process (SIGKILL, no cleanup)
 * the n-th time a record reaches that step.
 */
function killHook(env: NodeJS.ProcessEnv): { checkpoint?: (step: MintStep) => void } {
  const spec = env.CAPSULE_TEST_KILL_AT;
  if (!spec) return {};
  const [step, count] = spec.split(':');
  if (!MINT_STEPS.includes(step as MintStep))
    throw new UsageError(
      `CAPSULE_TEST_KILL_AT names no step: ${spec}. Steps: ${MINT_STEPS.join(', ')}.`,
    );
  let seen = 0;
  const wanted = Number(count ?? 1);
  return {
    checkpoint: (reached) => {
      if (reached === step && ++seen === wanted) process.kill(process.pid, 'SIGKILL');
    },
  };
}
