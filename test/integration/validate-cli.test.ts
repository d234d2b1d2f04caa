import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeArchive, recordYaml } from '../helpers/temp-archive.ts';
import type { TempArchive } from '../helpers/temp-archive.ts';
import { runCli } from '../helpers/run-cli.ts';

let archive: TempArchive | undefined;
afterEach(async () => {
  await archive?.cleanup();
  archive = undefined;
});

async function validate(files: { [file: string]: string | Uint8Array }, args: string[] = []) {
  archive = await makeArchive(files);
  return runCli(['validate', ...args], { cwd: archive.root });
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('capsule validate', () => {
  it('accepts a valid archive with exit code 0 and a count', async () => {
    const result = await validate({ 'content/general/top-mass/record.yaml': recordYaml() });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('✔ 1 record checked: all valid.\n');
    expect(result.code).toBe(0);
  });

  it('reports a missing required field at its place, as a warning in draft mode', async () => {
    const files = { 'content/general/top-mass/record.yaml': recordYaml({ title: '' }) };
    const strict = await validate(files);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain(
      'content/general/top-mass/record.yaml:1:1 error CAPSULE_SCHEMA_REQUIRED The record is missing the required field `title`',
    );
    expect(strict.stdout).toContain('hint: Add `title:`');
    await archive?.cleanup();
    const draft = await validate(files, ['--draft']);
    expect(draft.code).toBe(0);
    expect(draft.stdout).toContain('warning CAPSULE_SCHEMA_REQUIRED');
  });

  it('suggests the right spelling of a misspelt key', async () => {
    const result = await validate({
      'content/general/top-mass/record.yaml': recordYaml() + 'keywrods:\n  - top\n',
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /record\.yaml:12:1 error CAPSULE_SCHEMA_UNKNOWN_KEY `keywrods` is not a field of this record\.\n\s+hint: Did you mean `keywords`\?/,
    );
  });

  it('tells to quote a version written as a number, with the exact text', async () => {
    const result = await validate({
      'content/general/top-mass/record.yaml': recordYaml({ version: '1.10' }),
    });
    expect(result.stdout).toContain('record.yaml:4:10 error CAPSULE_SCHEMA_TYPE `version`');
    expect(result.stdout).toContain('`"1.10"`');
  });

  it('rejects an ORCID with a bad check digit at its line and column', async () => {
    const people =
      '\n  - given_name: Ada\n    family_name: Lovelace\n    orcid: 0000-0002-1825-0098';
    const result = await validate({
      'content/general/top-mass/record.yaml': recordYaml({ people }),
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('record.yaml:12:12 error CAPSULE_INVALID_ORCID');
    expect(result.stdout).toContain('expected 7');
  });

  it('checks listed files: missing, wrong size, wrong checksum, and files nobody listed', async () => {
    const content = 'void macro() {}\n';
    const files = `\n  - path: files/macro.C\n    size: ${content.length}\n    sha256: ${sha256(content)}\n  - path: files/plot.svg\n    size: 3\n    sha256: ${sha256('abc')}\n  - path: files/gone.txt\n    size: 1\n    sha256: ${sha256('x')}\n  - path: files/notes.txt\n    size: 5\n    sha256: ${sha256('abcdX')}`;
    const result = await validate({
      'content/general/top-mass/record.yaml': recordYaml({ files }),
      'content/general/top-mass/files/macro.C': content,
      'content/general/top-mass/files/plot.svg': 'abcd',
      'content/general/top-mass/files/notes.txt': 'abcde',
      'content/general/top-mass/files/extra.dat': 'extra',
    });
    expect(result.code).toBe(1);
    const codes = [...result.stdout.matchAll(/error (CAPSULE_\w+)/g)]
      .map((match) => match[1])
      .sort();
    expect(codes).toEqual([
      'CAPSULE_FILE_CHECKSUM_MISMATCH',
      'CAPSULE_FILE_MISSING',
      'CAPSULE_FILE_SIZE_MISMATCH',
      'CAPSULE_FILE_UNLISTED',
    ]);
    expect(result.stdout).toContain(`sha256: ${sha256('extra')}`);
    expect(result.stdout).toContain('files/plot.svg` is 4 bytes');
  });

  it('refuses the same DOI on two records, on both', async () => {
    const result = await validate({
      'content/general/one/record.yaml': recordYaml({ doi: '10.5281/zenodo.100' }),
      'content/general/two/record.yaml': recordYaml({ doi: '10.5281/ZENODO.100' }),
    });
    expect(result.code).toBe(1);
    expect(result.stdout.match(/CAPSULE_DUPLICATE_DOI/g)).toHaveLength(2);
  });

  it('refuses non-public and embargoed records when the repository is public', async () => {
    const result = await validate({
      'content/archive.yaml': (await import('../helpers/temp-archive.ts')).ARCHIVE_YAML.replace(
        'public_repository: false',
        'public_repository: true',
      ),
      'content/general/internal/record.yaml': recordYaml({ access: '\n  level: collaboration' }),
      'content/general/later/record.yaml': recordYaml({
        access: '\n  level: public\n  embargo_until: 2030-01-01',
      }),
      'content/general/open/record.yaml': recordYaml(),
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'internal/record.yaml:8:10 error CAPSULE_ACCESS_PUBLIC_REPOSITORY',
    );
    expect(result.stdout).toContain(
      'later/record.yaml:9:18 error CAPSULE_ACCESS_PUBLIC_REPOSITORY',
    );
    expect(result.stdout).not.toContain('open/record.yaml');
  });

  it('refuses an embargo on a record that is not public, and an impossible date', async () => {
    const result = await validate({
      'content/general/a/record.yaml': recordYaml({
        access: '\n  level: collaboration\n  embargo_until: 2030-01-01',
      }),
      'content/general/b/record.yaml': recordYaml({
        access: '\n  level: public\n  embargo_until: 2030-02-30',
      }),
    });
    expect(result.stdout).toContain('a/record.yaml:9:3 error CAPSULE_EMBARGO');
    expect(result.stdout).toContain('b/record.yaml:9:18 error CAPSULE_INVALID_DATE');
  });

  it('refuses a schema the collection does not allow, and suggests a known schema for an unknown one', async () => {
    const result = await validate({
      'content/general/a/record.yaml': recordYaml({
        $schema: 'cms-analysis/1.0.0',
        experiment: 'CMS',
      }),
      'content/general/b/record.yaml': recordYaml({ $schema: 'analysys/1.0.0' }),
    });
    expect(result.stdout).toContain('a/record.yaml:1:10 error CAPSULE_SCHEMA_NOT_ALLOWED');
    expect(result.stdout).toContain('b/record.yaml:1:10 error CAPSULE_SCHEMA_UNKNOWN');
    expect(result.stdout).toContain('Did you mean `$schema: analysis/1.0.0`?');
  });

  it('points into the front matter of a record.md', async () => {
    const markdown = `---\n${recordYaml({ created: '2024-13-01' })}---\n\n# Documentation\n`;
    const result = await validate({ 'content/general/md/record.md': markdown });
    expect(result.stdout).toContain('content/general/md/record.md:6:10 error CAPSULE_INVALID_DATE');
  });

  it('checks only the records under the given paths, and reports them alone', async () => {
    const result = await validate(
      {
        'content/general/good/record.yaml': recordYaml(),
        'content/general/bad/record.yaml': recordYaml({ title: '' }),
      },
      ['content/general/good'],
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('✔ 1 record checked: all valid.\n');
  });

  it('writes JSON, GitHub annotations and a GitLab Code Quality report', async () => {
    const files = { 'content/general/top-mass/record.yaml': recordYaml({ title: '' }) };
    const json = await validate(files, ['--format', 'json']);
    const parsed = JSON.parse(json.stdout);
    expect(parsed).toMatchObject({ records: 1, errors: 1, warnings: 0 });
    expect(parsed.diagnostics[0]).toEqual({
      code: 'CAPSULE_SCHEMA_REQUIRED',
      severity: 'error',
      file: 'content/general/top-mass/record.yaml',
      line: 1,
      column: 1,
      pointer: '/title',
      message: expect.any(String),
      hint: expect.any(String),
    });
    await archive?.cleanup();
    const github = await validate(files, ['--format', 'github']);
    expect(github.stdout).toMatch(
      /^::error file=content\/general\/top-mass\/record\.yaml,line=1,col=1,title=CAPSULE_SCHEMA_REQUIRED::The record is missing/m,
    );
    await archive?.cleanup();
    const gitlab = await validate(files, ['--format', 'gitlab']);
    expect(JSON.parse(gitlab.stdout)).toEqual([
      {
        description: expect.any(String),
        check_name: 'CAPSULE_SCHEMA_REQUIRED',
        fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
        severity: 'major',
        location: { path: 'content/general/top-mass/record.yaml', lines: { begin: 1 } },
      },
    ]);
  });

  it('exits 2 on usage errors', async () => {
    archive = await makeArchive();
    expect((await runCli(['validate', '--formt', 'json'], { cwd: archive.root })).code).toBe(2);
    expect((await runCli(['validate', '--format', 'xml'], { cwd: archive.root })).code).toBe(2);
    expect(
      (await runCli(['validate', 'content/general/nothing'], { cwd: archive.root })).code,
    ).toBe(2);
    const unknown = await runCli(['valdate'], { cwd: archive.root });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Did you mean "validate"?');
  });
});
