import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeArchive, recordYaml } from '../helpers/temp-archive.ts';
import type { TempArchive } from '../helpers/temp-archive.ts';
import { runCli } from '../helpers/run-cli.ts';

let archive: TempArchive | undefined;
afterEach(async () => {
  await archive?.cleanup();
  archive = undefined;
});

const MESSY = `# Preserved by the top group

people:
    - family_name: Lovelace   # the analyst
      given_name: Ada
title: Measurement of the top quark mass
$schema: analysis/1.0.0
access: {level: public}
abstract: >
    A measurement
    in one paragraph.
version: '1'
created: 2024-03-01
experiment: CMS
`;

const CANONICAL = `# Preserved by the top group

$schema: analysis/1.0.0
title: Measurement of the top quark mass
abstract: >
  A measurement
  in one paragraph.
version: '1'
created: 2024-03-01
experiment: CMS
access:
  level: public
people:
  - given_name: Ada
    family_name: Lovelace # the analyst
`;

describe('capsule fmt', () => {
  it('--check lists files that are not canonical and exits 1 without writing', async () => {
    archive = await makeArchive({ 'content/general/top/record.yaml': MESSY });
    const result = await runCli(['fmt', '--check'], { cwd: archive.root });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('content/general/top/record.yaml: not canonical');
    expect(await readFile(path.join(archive.root, 'content/general/top/record.yaml'), 'utf8')).toBe(
      MESSY,
    );
  });

  it('puts keys in schema order at every level, re-indents, and keeps comments and spellings', async () => {
    archive = await makeArchive({ 'content/general/top/record.yaml': MESSY });
    const result = await runCli(['fmt'], { cwd: archive.root });
    expect(result.code).toBe(0);
    expect(await readFile(path.join(archive.root, 'content/general/top/record.yaml'), 'utf8')).toBe(
      CANONICAL,
    );
    expect((await runCli(['fmt', '--check'], { cwd: archive.root })).code).toBe(0);
    expect((await runCli(['validate'], { cwd: archive.root })).code).toBe(0);
  });

  it('formats the front matter of a record.md and keeps its documentation byte for byte', async () => {
    const body = '\n# Documentation\n\nSome *Markdown*   with  odd   spacing.\n\n    code\n';
    archive = await makeArchive({ 'content/general/top/record.md': `---\n${MESSY}---\n${body}` });
    await runCli(['fmt'], { cwd: archive.root });
    expect(await readFile(path.join(archive.root, 'content/general/top/record.md'), 'utf8')).toBe(
      `---\n${CANONICAL}---\n${body}`,
    );
  });

  it('refuses to rewrite a file it cannot read safely, and leaves it untouched', async () => {
    const hostile = `${recordYaml()}extra: &anchor value\n`;
    archive = await makeArchive({ 'content/general/top/record.yaml': hostile });
    const result = await runCli(['fmt'], { cwd: archive.root });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('CAPSULE_YAML_ALIAS');
    expect(await readFile(path.join(archive.root, 'content/general/top/record.yaml'), 'utf8')).toBe(
      hostile,
    );
  });
});
