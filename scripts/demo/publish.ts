import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { dumpDepositions } from '../emulators/zenodo/control.ts';
import { startZenodoEmulator } from '../emulators/zenodo/server.ts';
import { loadArchive } from '../lib/records/load-archive.ts';
import { field, isMap } from '../lib/validate/data.ts';

/**
 * `npm run demo:publish [-- --faults]`: mints DOIs for the sample archive in content/ against a
 * Zenodo emulator on loopback, with the real `capsule mint` in a child process, then shows the
 * write-back as a diff to inspect. With --faults, one Zenodo call in ten fails (5xx, 429, lost
 * answers) and the run still ends with one DOI per record. Nothing leaves the machine.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: { faults: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
});
const say = (line = '') => process.stdout.write(`${line}\n`);

async function main(): Promise<number> {
  if (values.help) {
    say('Usage: npm run demo:publish [-- --faults]');
    say(
      'Mints DOIs for content/ against a local Zenodo emulator and leaves the write-back as a git diff.',
    );
    return 0;
  }
  const archive = await loadArchive(ROOT);
  const minted = archive.records
    .filter((record) => isMap(field(record.data, 'zenodo')))
    .map((record) => record.id);
  if (minted.length > 0) {
    say(
      `content/ already holds DOIs from an earlier run (${minted.slice(0, 3).join(', ')}${minted.length > 3 ? ', ...' : ''}),`,
    );
    say('minted on an emulator that is gone. Start again from the committed records with:');
    say('  git checkout content/ && rm -f .capsule/mint-journal.json');
    return 1;
  }

  const token = randomBytes(24).toString('hex');
  const emulator = await startZenodoEmulator({ tokens: [token], doiPrefix: '10.5072' });
  try {
    say(
      `Zenodo emulator on ${emulator.apiUrl} (in memory; test DOIs with the sandbox prefix 10.5072).`,
    );
    if (values.faults) {
      emulator.faults.configure({
        random: {
          rate: 0.1,
          seed: 42,
          faults: [
            { kind: 'status', status: 500 },
            { kind: 'status', status: 503, retryAfter: 1 },
            { kind: 'status', status: 429, retryAfter: 2 },
            { kind: 'lost-response', status: 504 },
            { kind: 'drop-after' },
          ],
        },
      });
      say('Fault injection on: one call in ten fails with a 5xx or 429, or loses its answer.');
    }
    say('Running: capsule mint');
    say();
    const code = await new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(ROOT, 'scripts/cli/bin.mjs'), 'mint'], {
        cwd: ROOT,
        stdio: ['ignore', 'inherit', 'inherit'],
        env: {
          ...process.env,
          ZENODO_API_URL: emulator.apiUrl,
          ZENODO_TOKEN: token,
          // Waits shrink tenfold so the fault demo does not crawl; the real client waits in full.
          ...(values.faults ? { CAPSULE_ZENODO_WAIT_SCALE: '0.1' } : {}),
        },
      });
      child.on('error', reject);
      child.on('close', (status) => resolve(status ?? 1));
    });

    const published = dumpDepositions(emulator.store).filter((deposition) => deposition.published);
    say();
    say(
      `Published on the emulator: ${published.length} deposition${published.length === 1 ? '' : 's'} in ${emulator.requests.length} API calls.`,
    );
    for (const deposition of published.sort((a, b) => a.id - b.id)) {
      const id =
        deposition.alternateIdentifiers[0]?.replace(/^.*\/records\//, '').replace(/\/$/, '') ??
        deposition.title;
      say(
        `  ${deposition.doi}  ${id} (version ${deposition.version}${deposition.accessRight === 'embargoed' ? `, embargoed until ${deposition.embargoDate}` : ''})`,
      );
    }
    say();
    showDiff();
    say();
    say('The DOIs were written into the records above; inspect them with `git diff content/`.');
    say('They point at the emulator, not at real Zenodo. To put the records back as they were:');
    say('  git checkout content/ && rm -f .capsule/mint-journal.json');
    return code;
  } finally {
    await emulator.close();
  }
}

function showDiff(): void {
  const diff = spawnSync('git', ['diff', '--stat', '--', 'content/'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (diff.status === 0 && diff.stdout.trim() !== '') {
    say('git diff --stat -- content/');
    process.stdout.write(diff.stdout);
  } else {
    say('(git is not available here: the changed files are the records listed above.)');
  }
}

process.exitCode = await main();
