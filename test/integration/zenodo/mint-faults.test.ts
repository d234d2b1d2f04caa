import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ZenodoEmulator } from '../../../scripts/emulators/zenodo/server.ts';
import { parseYaml } from '../../../scripts/lib/yaml/index.ts';
import type { TempArchive } from '../../helpers/temp-archive.ts';
import {
  depositions,
  mintArchive,
  runMint,
  setFaults,
  startEmulator,
} from '../../helpers/zenodo.ts';

/**
 * A hundred records against a Zenodo that fails one call in ten — 500, 502, 503, 504 and 429
 * before acting, and 504 or a dropped connection after acting (the answer lost) — from a fixed
 * seed. Every record must end with exactly one DOI, every deposition published once.
 */
let emulator: ZenodoEmulator | undefined;
let archive: TempArchive | undefined;
afterEach(async () => {
  await emulator?.close();
  await archive?.cleanup();
});

const RECORDS = 100;

describe('capsule mint with 10% of Zenodo calls failing', () => {
  it('ends with exactly 100 published DOIs, one per record, and no duplicates', async () => {
    emulator = await startEmulator({ rateLimit: { limit: 100_000, windowMs: 60_000 } });
    const slugs = Array.from(
      { length: RECORDS },
      (_, index) => `analysis-${String(index + 1).padStart(3, '0')}`,
    );
    archive = await mintArchive(slugs.map((slug) => ({ slug, readme: `# ${slug}\n` })));
    await setFaults(emulator, {
      random: {
        rate: 0.1,
        seed: 20261122,
        faults: [
          { kind: 'status', status: 500 },
          { kind: 'status', status: 502 },
          { kind: 'status', status: 503, retryAfter: 2 },
          { kind: 'status', status: 504 },
          { kind: 'status', status: 429, retryAfter: 3 },
          { kind: 'lost-response', status: 504 },
          { kind: 'drop-after' },
        ],
      },
    });
    const result = await runMint(archive, emulator);
    expect(result.stdout).toContain(`${RECORDS} DOIs minted, 0 failed`);
    expect(result.code).toBe(0);

    const struck = (await (await fetch(`${emulator.url}/_emulator/faults`)).json()) as {
      [kind: string]: number;
    };
    const faults = Object.values(struck).reduce((sum, count) => sum + count, 0);
    const calls = emulator.requests.length;
    // The faults were real: about one call in ten, of every kind.
    expect(faults / calls).toBeGreaterThan(0.07);
    expect(faults / calls).toBeLessThan(0.13);
    expect(Object.keys(struck).sort()).toEqual([
      'drop-after',
      'lost-response:504',
      'status:429',
      'status:500',
      'status:502',
      'status:503',
      'status:504',
    ]);

    const held = await depositions(emulator);
    const published = held.filter((deposition) => deposition.published);
    expect(published).toHaveLength(RECORDS);
    expect(held.filter((deposition) => !deposition.published)).toEqual([]);
    expect(published.every((deposition) => deposition.publishCount === 1)).toBe(true);
    expect(new Set(published.map((deposition) => deposition.doi)).size).toBe(RECORDS);
    expect(new Set(published.map((deposition) => deposition.alternateIdentifiers[0])).size).toBe(
      RECORDS,
    );
    for (const slug of slugs) {
      const data = parseYaml(
        await readFile(path.join(archive.root, `content/general/${slug}/record.yaml`), 'utf8'),
      ).value as { doi?: string };
      const deposition = published.find((candidate) =>
        candidate.alternateIdentifiers[0]?.endsWith(`/${slug}/`),
      );
      expect(data.doi).toBe(deposition?.doi);
    }
    process.stdout.write(
      `fault test: ${calls} calls, ${faults} faults (${JSON.stringify(struck)})\n`,
    );
  }, 120_000);
});
