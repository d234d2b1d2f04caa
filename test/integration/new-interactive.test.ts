import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/repo.ts';
import { runCli } from '../helpers/run-cli.ts';
import { makeArchive } from '../helpers/temp-archive.ts';
import type { TempArchive } from '../helpers/temp-archive.ts';

/**
 * `capsule new` on a real terminal: util-linux `script` gives the command a pseudo-terminal, so it
 * asks its questions; the answers are typed into that terminal.
 */
function inTerminal(
  command: string,
  cwd: string,
  input: string,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd,
      env: { ...process.env, CAPSULE_NOW: '2026-11-22', NO_COLOR: '1' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, output }));
    child.stdin.end(input);
  });
}

let archive: TempArchive | undefined;
afterEach(async () => {
  await archive?.cleanup();
  archive = undefined;
});

describe('capsule new on a terminal', () => {
  it("asks for the essentials with the schema's help, re-asks a bad ORCID, and writes a draft record", async () => {
    archive = await makeArchive();
    // The questions come from analysis/1.0.0, in its order: title, abstract, experiment, access
    // level, the contact person (given and family name, ORCID iD, institute), keywords.
    const answers = [
      'Search for dark photons',
      'We search for dark photons.',
      'LHCb',
      'collaboration',
      'Marie',
      'Curie',
      '0000-0002-1825-0098',
      '0000-0002-1825-0097',
      'CERN',
      'dark sector, photons',
      '',
    ].join('\n');
    const command = `${process.execPath} ${path.join(REPO_ROOT, 'scripts/cli/bin.mjs')} new general dark-photons`;
    const result = await inTerminal(command, archive.root, answers);
    expect(result.code).toBe(0);
    expect(result.output).toContain('Title: ');
    expect(result.output).toContain('The title of the analysis');
    expect(result.output).toContain('Contact person: ORCID iD: ');
    expect(result.output).toContain(
      '✖ people[0].orcid (ORCID iD): the ORCID iD "0000-0002-1825-0098" has a bad check digit (expected 7, found 8).',
    );
    const record = await readFile(
      path.join(archive.root, 'content/general/dark-photons/record.yaml'),
      'utf8',
    );
    expect(record).toContain('title: Search for dark photons\n');
    expect(record).toContain('experiment: LHCb\n');
    expect(record).toContain('    orcid: 0000-0002-1825-0097\n');
    expect(record).toContain('  level: collaboration\n');
    expect(record).toContain('keywords:\n  - dark sector\n  - photons\n');
    const validation = await runCli(['validate', '--draft', 'content/general/dark-photons'], {
      cwd: archive.root,
    });
    expect(validation.stdout).toBe('✔ 1 record checked: all valid.\n');
  });
});
