import { readFile, readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeArchive } from '../helpers/temp-archive.ts';
import type { TempArchive } from '../helpers/temp-archive.ts';
import { runCli } from '../helpers/run-cli.ts';

let archive: TempArchive | undefined;
afterEach(async () => {
  await archive?.cleanup();
  archive = undefined;
});

describe('capsule new', () => {
  it('scaffolds a record from flags that validates in draft mode', async () => {
    archive = await makeArchive();
    const result = await runCli(
      [
        'new',
        'general',
        'top-mass-2024',
        '--title',
        'Measurement of the top quark mass',
        '--given-name',
        'Ada',
        '--family-name',
        'Lovelace',
        '--orcid',
        '0000-0002-1825-0097',
        '--keywords',
        'top, mass',
      ],
      { cwd: archive.root },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Created content/general/top-mass-2024/');
    const dir = path.join(archive.root, 'content/general/top-mass-2024');
    expect((await readdir(dir)).sort()).toEqual(['README.md', 'record.yaml']);
    const record = await readFile(path.join(dir, 'record.yaml'), 'utf8');
    expect(record).toBe(
      [
        '$schema: analysis/1.0.0',
        'title: Measurement of the top quark mass',
        "version: '1'",
        'status: ongoing',
        'created: 2026-11-22',
        'access:',
        '  level: public',
        'people:',
        '  - given_name: Ada',
        '    family_name: Lovelace',
        '    orcid: 0000-0002-1825-0097',
        '    roles:',
        '      - contact',
        'keywords:',
        '  - top',
        '  - mass',
        '',
      ].join('\n'),
    );
    const draft = await runCli(['validate', '--draft', 'content/general/top-mass-2024'], {
      cwd: archive.root,
    });
    expect(draft.code).toBe(0);
    expect(draft.stdout).toContain('warning CAPSULE_SCHEMA_REQUIRED');
    expect((await runCli(['fmt', '--check'], { cwd: archive.root })).code).toBe(0);
  });

  it('refuses an existing folder, a bad slug, an unknown collection and a bad ORCID with exit code 2', async () => {
    archive = await makeArchive({ 'content/general/taken/record.yaml': 'title: x\n' });
    const cases = [
      ['new', 'general', 'taken', '--no-input'],
      ['new', 'general', 'Bad_Slug', '--no-input'],
      ['new', 'nowhere', 'x', '--no-input'],
      ['new', 'general', 'x', '--orcid', '0000-0002-1825-0098', '--no-input'],
    ];
    for (const args of cases) {
      const result = await runCli(args, { cwd: archive.root });
      expect(result.code, args.join(' ')).toBe(2);
    }
    expect((await runCli(['new', 'general', 'Bad_Slug'], { cwd: archive.root })).stderr).toContain(
      '"bad-slug"',
    );
  });
});
