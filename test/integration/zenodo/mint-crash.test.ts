import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ZenodoEmulator } from '../../../scripts/emulators/zenodo/server.ts';
import { mint } from '../../../scripts/lib/zenodo/mint.ts';
import { MINT_STEPS } from '../../../scripts/lib/zenodo/mint-record.ts';
import { parseYaml } from '../../../scripts/lib/yaml/index.ts';
import type { TempArchive } from '../../helpers/temp-archive.ts';
import {
  TOKEN,
  depositions,
  mintArchive,
  recordFiles,
  runMint,
  setFaults,
  spawnMint,
  startEmulator,
  waitForRequest,
} from '../../helpers/zenodo.ts';

/**
 * Kills the minting process (SIGKILL: no cleanup, no flush) at every step in turn, then runs it
 * again, with the journal kept (a rerun in the same workspace) and with it lost (a fresh CI
 * runner). Each time: one published deposition per record version, each record holding its DOI.
 */
let emulator: ZenodoEmulator | undefined;
let archive: TempArchive | undefined;
afterEach(async () => {
  await emulator?.close();
  await archive?.cleanup();
  emulator = undefined;
  archive = undefined;
});

const JOURNAL = '.capsule/mint-journal.json';

/**
 * Two record versions to mint: `first` (a first version, three files) and `next` (version 2 of a
 * record already minted at version 1, with two changed files).
 */
async function scenario(extraFiles: { [name: string]: string } = {}): Promise<void> {
  emulator = await startEmulator();
  archive = await mintArchive([
    { slug: 'next', readme: '# Next\n', files: { 'a.txt': 'a\n', 'b.txt': 'b\n' } },
  ]);
  const setup = await mint({
    root: archive.root,
    endpoint: emulator.apiUrl,
    token: TOKEN,
    today: '2026-11-22',
    userAgent: 'capsule-test',
  });
  expect(setup.minted).toHaveLength(1);
  const file = path.join(archive.root, 'content/general/next/record.yaml');
  await writeFile(file, (await readFile(file, 'utf8')).replace("version: '1'", "version: '2'"));
  await archive.write('content/general/next/README.md', '# Next, version 2\n');
  for (const [name, content] of Object.entries(
    recordFiles({
      slug: 'first',
      readme: '# First\n',
      files: { 'fit.C': 'void fit() {}\n', ...extraFiles },
    }),
  ))
    await archive.write(name, content);
}

async function expectExactlyOnce(): Promise<void> {
  const held = await depositions(emulator!);
  const published = held.filter((deposition) => deposition.published);
  const versions = published
    .map((deposition) => `${deposition.alternateIdentifiers[0]} v${deposition.version}`)
    .sort();
  expect(versions).toEqual([
    'https://archive.example.org/records/general/first/ v1',
    'https://archive.example.org/records/general/next/ v1',
    'https://archive.example.org/records/general/next/ v2',
  ]);
  expect(published.every((deposition) => deposition.publishCount === 1)).toBe(true);
  expect(held.filter((deposition) => !deposition.published)).toEqual([]);
  for (const slug of ['first', 'next']) {
    const data = parseYaml(
      await readFile(path.join(archive!.root, `content/general/${slug}/record.yaml`), 'utf8'),
    ).value as {
      doi?: string;
      concept_doi?: string;
      version: string;
      zenodo?: { deposition_id: number; version: string };
    };
    const deposition = published.find(
      (candidate) =>
        candidate.alternateIdentifiers[0]?.includes(`/${slug}/`) &&
        candidate.version === data.version,
    );
    expect(data.doi).toBe(deposition!.doi);
    expect(data.concept_doi).toBe(deposition!.conceptdoi);
    expect(data.zenodo).toMatchObject({ deposition_id: deposition!.id, version: data.version });
  }
  const next = published.filter((deposition) =>
    deposition.alternateIdentifiers[0]?.includes('/next/'),
  );
  expect(new Set(next.map((deposition) => deposition.conceptrecid)).size).toBe(1);
  expect(existsSync(path.join(archive!.root, JOURNAL))).toBe(false);
}

// Each step is reached by `first` (1st time) and by `next` (2nd); uploads: `first` has 3, `next` 2.
const CRASHES = MINT_STEPS.flatMap((step) =>
  step === 'file-uploaded' ? [`${step}:2`, `${step}:4`] : [`${step}:1`, `${step}:2`],
);

describe('capsule mint killed at every step', () => {
  for (const journal of ['kept', 'lost'] as const) {
    it.each(CRASHES)(`recovers from a kill at %s with the journal ${journal}`, async (crash) => {
      await scenario();
      const killed = await runMint(archive!, emulator, [], { CAPSULE_TEST_KILL_AT: crash });
      expect(killed.signal).toBe('SIGKILL');
      if (journal === 'lost') await rm(path.join(archive!.root, JOURNAL), { force: true });
      const rerun = await runMint(archive!, emulator);
      expect(rerun.stderr).toBe('');
      expect(rerun.code).toBe(0);
      await expectExactlyOnce();
    });
  }
});

describe('capsule mint killed while a request is in flight', () => {
  const cases = [
    {
      name: 'a create that Zenodo committed',
      method: 'POST',
      path: '^/api/deposit/depositions$',
      status: 201,
    },
    {
      name: 'a new version that Zenodo committed',
      method: 'POST',
      path: '/actions/newversion$',
      status: 201,
    },
    {
      name: 'a publish that Zenodo committed',
      method: 'POST',
      path: '/actions/publish$',
      status: 202,
    },
  ] as const;
  for (const journal of ['kept', 'lost'] as const) {
    it.each(cases)(
      `recovers from $name, journal ${journal}`,
      async ({ method, path: pattern, status }) => {
        await scenario();
        // The answer is held back: the kill lands after Zenodo acted, before the client heard.
        await setFaults(emulator!, {
          rules: [
            { method, path: pattern, kind: 'slow', phase: 'after', delayMs: 60_000, times: 1 },
          ],
        });
        const { child, result } = spawnMint(archive!, emulator);
        await waitForRequest(
          emulator!,
          (entry) => entry.fault === 'slow' && entry.status === status,
        );
        child.kill('SIGKILL');
        expect((await result).signal).toBe('SIGKILL');
        await setFaults(emulator!, {});
        if (journal === 'lost') await rm(path.join(archive!.root, JOURNAL), { force: true });
        const rerun = await runMint(archive!, emulator);
        expect(rerun.code).toBe(0);
        await expectExactlyOnce();
      },
    );

    it(`recovers from a kill in the middle of an upload, journal ${journal}`, async () => {
      await scenario({ 'big.bin': 'x'.repeat(8 * 1024 * 1024) });
      // Zenodo reads nothing for a second: the client blocks half-way through sending 8 MiB.
      await setFaults(emulator!, {
        rules: [
          {
            method: 'PUT',
            path: '/files/big\\.bin$',
            kind: 'slow',
            phase: 'before',
            delayMs: 1000,
            times: 1,
          },
        ],
      });
      const { child, result } = spawnMint(archive!, emulator);
      await waitForRequest(emulator!, (entry) => entry.fault === 'slow');
      child.kill('SIGKILL');
      expect((await result).signal).toBe('SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const draft = (await depositions(emulator!)).find((deposition) => !deposition.published)!;
      expect(draft.files.map((file) => file.key)).not.toContain('files/big.bin');
      if (journal === 'lost') await rm(path.join(archive!.root, JOURNAL), { force: true });
      const rerun = await runMint(archive!, emulator);
      expect(rerun.code).toBe(0);
      await expectExactlyOnce();
      const first = (await depositions(emulator!)).find((deposition) =>
        deposition.alternateIdentifiers[0]?.includes('/first/'),
      )!;
      expect(first.files.find((file) => file.key === 'files/big.bin')?.size).toBe(8 * 1024 * 1024);
    });
  }
});
