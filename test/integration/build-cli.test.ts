import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/lib/site/build-site.ts';
import type { BuildSteps } from '../../scripts/lib/site/build-site.ts';
import { listFiles } from '../../scripts/lib/site/scan/scan-output.ts';
import type { LoaderReport } from '../../scripts/lib/site/site-source.ts';
import { runCli } from '../helpers/run-cli.ts';
import { makeArchive, recordYaml } from '../helpers/temp-archive.ts';
import type { TempArchive } from '../helpers/temp-archive.ts';

let archive: TempArchive | undefined;
afterEach(async () => archive?.cleanup());

const HIDDEN_TITLE = 'A collaboration-only measurement of something';

function twoRecords(): { [file: string]: string } {
  return {
    'content/general/open/record.yaml': recordYaml({ title: 'An open measurement' }),
    'content/general/hidden/record.yaml': recordYaml({
      title: HIDDEN_TITLE,
      access: '\n  level: collaboration',
    }),
  };
}

/** A stand-in for Astro that writes what it is told, to test what happens around it. */
function fakeSteps(pages: { [file: string]: string }): Partial<BuildSteps> {
  return {
    async render(settings, _project, _env, onLine) {
      for (const [file, content] of Object.entries(pages)) {
        mkdirSync(path.dirname(path.join(settings.outDir, file)), { recursive: true });
        writeFileSync(path.join(settings.outDir, file), content);
        onLine(`  ├─ /${file} (+1ms)`);
      }
      const report: LoaderReport = {
        ok: true,
        audience: settings.audience,
        total: 2,
        visible: 1,
        warnings: [],
      };
      writeFileSync(settings.reportFile, JSON.stringify(report));
      return { code: 0, tail: [] };
    },
    async createIndexer() {
      return { offer() {}, finish: async () => ({ pages: 0, timings: {} }), close: async () => {} };
    },
  };
}

describe('capsule build', () => {
  it('fails closed: output naming a hidden record is refused and nothing replaces the last site', async () => {
    archive = await makeArchive(twoRecords());
    const outDir = path.join(archive.root, 'dist/public');
    const first = await buildSite({
      root: archive.root,
      audience: 'public',
      outDir,
      env: { CAPSULE_NOW: '2026-11-22' },
      steps: fakeSteps({ 'index.html': '<h1>Clean</h1>' }),
    });
    expect(first.ok).toBe(true);
    const leaking = await buildSite({
      root: archive.root,
      audience: 'public',
      outDir,
      env: { CAPSULE_NOW: '2026-11-22' },
      steps: fakeSteps({
        'index.html': '<h1>Clean</h1>',
        'feed.xml': `<title>${HIDDEN_TITLE}</title>`,
        'api/x.json': '{"related":["general/hidden"]}',
      }),
    });
    expect(leaking.ok).toBe(false);
    expect(
      leaking.ok === false &&
        leaking.reason === 'leak' &&
        leaking.leaks.map((leak) => `${leak.file} ${leak.what}`).sort(),
    ).toEqual(['api/x.json id', 'feed.xml title']);
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('<h1>Clean</h1>');
    expect(existsSync(path.join(outDir, 'feed.xml'))).toBe(false);
    expect(
      existsSync(path.dirname(outDir)) && readFileSync(path.join(outDir, '.capsule-site'), 'utf8'),
    ).toBe('public\n');
  });

  it('writes the static API beside the pages, checks it, and refuses a page that would overwrite it', async () => {
    archive = await makeArchive(twoRecords());
    const outDir = path.join(archive.root, 'dist/public');
    const progress: number[] = [];
    const built = await buildSite({
      root: archive.root,
      audience: 'public',
      outDir,
      env: { CAPSULE_NOW: '2026-11-22' },
      steps: fakeSteps({ 'index.html': '<h1>Clean</h1>', 'api/records.json': '[]' }),
      onPages: (written) => progress.push(written),
    });
    expect(built.ok).toBe(true);
    const written = listFiles(outDir);
    expect(written).toEqual(
      expect.arrayContaining([
        'api/records.json',
        'api/records/general/open.json',
        'api/records/general/open/citation.bib',
        'api/records/general/open/bagit.zip',
      ]),
    );
    expect(written.filter((file) => file.includes('general/hidden'))).toEqual([]);
    // Every file of the site was checked, the marker aside, and counted in the progress.
    expect(built.ok && built.scan.files).toBe(written.length - 1);
    expect(progress).toEqual(Array.from({ length: written.length - 1 }, (_, index) => index + 1));

    await expect(
      buildSite({
        root: archive.root,
        audience: 'public',
        outDir,
        env: { CAPSULE_NOW: '2026-11-22' },
        steps: fakeSteps({ 'api/records/general/open.json': '{}' }),
      }),
    ).rejects.toThrow('Both Astro and the static API wrote api/records/general/open.json');
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('<h1>Clean</h1>');
    expect(listFiles(path.dirname(outDir))).toEqual(written.map((file) => `public/${file}`));
  });

  it('lets the internal build hold the collaboration record', async () => {
    archive = await makeArchive(twoRecords());
    const result = await buildSite({
      root: archive.root,
      audience: 'internal',
      outDir: path.join(archive.root, 'dist/internal'),
      env: { CAPSULE_NOW: '2026-11-22' },
      steps: fakeSteps({ 'index.html': `<h1>${HIDDEN_TITLE}</h1>` }),
    });
    expect(result.ok).toBe(true);
  });

  it('needs an audience', async () => {
    archive = await makeArchive();
    const result = await runCli(['build'], { cwd: archive.root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--audience must be public or internal');
  });

  it('will not empty a folder that is not a site build', async () => {
    archive = await makeArchive();
    await archive.write('notes/keep.txt', 'mine');
    const result = await runCli(['build', '--audience', 'public', '--out', 'notes'], {
      cwd: archive.root,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not empty and is not a Capsule site build');
    expect(readFileSync(path.join(archive.root, 'notes/keep.txt'), 'utf8')).toBe('mine');
  });

  it('reports every problem of an invalid archive and builds nothing', async () => {
    archive = await makeArchive({
      'content/general/bad/record.yaml': recordYaml({ created: '2024-02-30' }),
    });
    const result = await runCli(['build', '--audience', 'public'], { cwd: archive.root });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /content\/general\/bad\/record\.yaml:\d+:\d+ error CAPSULE_INVALID_DATE/,
    );
    expect(result.stderr).toContain('the site is not built');
    expect(existsSync(path.join(archive.root, 'dist/public'))).toBe(false);
  }, 120_000);

  it('builds a site and says what it holds', async () => {
    archive = await makeArchive(twoRecords());
    const result = await runCli(['build', '--audience', 'public', '--out', 'site'], {
      cwd: archive.root,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /Built the public site in [\d.]+ s: 1 of 2 records \(access decided for 2026-11-22\), 1 in the search index\./,
    );
    expect(result.stdout).toMatch(
      /Checked \d+ files .*: no record this audience may not see appears in them\./,
    );
    expect(
      readFileSync(path.join(archive.root, 'site/records/general/open/index.html'), 'utf8'),
    ).toContain('An open measurement');
    expect(existsSync(path.join(archive.root, 'site/records/general/hidden'))).toBe(false);
    // Outside git there is no history: the build says so, and so does the record page.
    expect(result.stdout).toContain('warning: record history is not shown');
    expect(result.stdout).toContain('Build the site from a clone of the archive repository');
    expect(
      readFileSync(path.join(archive.root, 'site/records/general/open/index.html'), 'utf8'),
    ).toMatch(/<section[^>]*id="history"[^]*not a git repository/);
  }, 120_000);
});
