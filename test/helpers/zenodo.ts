import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { startZenodoEmulator } from '../../scripts/emulators/zenodo/server.ts';
import type {
  EmulatorOptions,
  RequestLogEntry,
  ZenodoEmulator,
} from '../../scripts/emulators/zenodo/server.ts';
import type { DepositionSummary } from '../../scripts/emulators/zenodo/control.ts';
import type { FaultConfig } from '../../scripts/emulators/zenodo/faults.ts';
import { REPO_ROOT } from './repo.ts';
import { makeArchive, recordYaml } from './temp-archive.ts';
import type { TempArchive } from './temp-archive.ts';

/** Helpers for publishing tests: the emulator, archives of mintable records, the real CLI. */
export const TOKEN = 'zenodo-test-token-7f3a9c2e51b84d06';

export function startEmulator(options: EmulatorOptions = {}): Promise<ZenodoEmulator> {
  return startZenodoEmulator({ tokens: [TOKEN], ...options });
}

/** The emulator's state as its control endpoint reports it (over HTTP, as a test from outside would). */
export async function depositions(emulator: ZenodoEmulator): Promise<DepositionSummary[]> {
  const response = await fetch(`${emulator.url}/_emulator/depositions`);
  return (await response.json()) as DepositionSummary[];
}

export async function setFaults(emulator: ZenodoEmulator, config: FaultConfig): Promise<void> {
  const response = await fetch(`${emulator.url}/_emulator/faults`, {
    method: 'POST',
    body: JSON.stringify(config),
  });
  if (!response.ok) throw new Error(`Setting faults failed: ${response.status}`);
}

export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

export interface RecordSpec {
  slug: string;
  collection?: string;
  version?: string;
  title?: string;
  access?: string;
  /** Extra YAML fields, as `recordYaml` takes them. */
  fields?: { [key: string]: string };
  /** Preserved files under files/, listed in the record with size and sha256. */
  files?: { [name: string]: string };
  readme?: string;
}

/** The record folder's files for a spec: record.yaml (with its files listed), README.md, files/. */
export function recordFiles(spec: RecordSpec): { [file: string]: string } {
  const dir = `content/${spec.collection ?? 'general'}/${spec.slug}`;
  const files = Object.entries(spec.files ?? {});
  const listed = files
    .map(
      ([name, content]) =>
        `\n  - path: files/${name}\n    size: ${Buffer.byteLength(content)}\n    sha256: ${sha256(content)}`,
    )
    .join('');
  const out: { [file: string]: string } = {
    [`${dir}/record.yaml`]: recordYaml({
      title: spec.title ?? `Measurement number ${spec.slug}`,
      version: `'${spec.version ?? '1'}'`,
      ...(spec.access ? { access: spec.access } : {}),
      people:
        '\n  - given_name: Ada\n    family_name: Lovelace\n    orcid: 0000-0002-1825-0097\n    affiliations:\n      - name: CERN\n        ror: 01ggx4157',
      ...spec.fields,
      ...(files.length > 0 ? { files: listed } : {}),
    }),
  };
  if (spec.readme !== undefined) out[`${dir}/README.md`] = spec.readme;
  for (const [name, content] of files) out[`${dir}/files/${name}`] = content;
  return out;
}

export function mintArchive(
  specs: RecordSpec[],
  extra: { [file: string]: string } = {},
): Promise<TempArchive> {
  return makeArchive(Object.assign({}, ...specs.map(recordFiles), extra));
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts `capsule mint` in a child process against the emulator, as CI would. */
export function spawnMint(
  archive: TempArchive,
  emulator: ZenodoEmulator | undefined,
  args: string[] = [],
  env: NodeJS.ProcessEnv = {},
): { child: ChildProcess; result: Promise<RunResult> } {
  const child = spawn(
    process.execPath,
    [path.join(REPO_ROOT, 'scripts/cli/bin.mjs'), 'mint', ...args],
    {
      cwd: archive.root,
      env: {
        ...process.env,
        NO_COLOR: '1',
        CAPSULE_NOW: '2026-11-22',
        ...(emulator ? { ZENODO_API_URL: emulator.apiUrl, ZENODO_TOKEN: TOKEN } : {}),
        CAPSULE_ZENODO_WAIT_SCALE: '0.001',
        CAPSULE_ZENODO_TIMEOUT_MS: '5000',
        ...env,
      },
    },
  );
  const result = new Promise<RunResult>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk) => (stdout += chunk));
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin!.end();
  });
  return { child, result };
}

export function runMint(
  archive: TempArchive,
  emulator: ZenodoEmulator | undefined,
  args: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<RunResult> {
  return spawnMint(archive, emulator, args, env).result;
}

/** Waits until the emulator has seen a request that matches. */
export async function waitForRequest(
  emulator: ZenodoEmulator,
  test: (entry: RequestLogEntry) => boolean,
  timeoutMs = 20_000,
): Promise<RequestLogEntry> {
  const started = Date.now();
  for (;;) {
    const found = emulator.requests.find(test);
    if (found) return found;
    if (Date.now() - started > timeoutMs) throw new Error('The request never came.');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
