import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { zipArchive } from '../../../scripts/lib/export/zip.ts';
import { OutputScanner, scanOutput } from '../../../scripts/lib/site/scan/scan-output.ts';
import type { ForbiddenString } from '../../../scripts/lib/site/scan/forbidden.ts';

const FORBIDDEN: ForbiddenString[] = [
  { recordId: 'atlas/marzipan', what: 'id', text: 'atlas/marzipan' },
  { recordId: 'atlas/marzipan', what: 'title', text: 'Search for a Z γ resonance & more' },
];

function site(files: { [file: string]: string | Uint8Array }): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'capsule-scan-'));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

describe('scanOutput', () => {
  it('passes a site that holds none of the forbidden strings', () => {
    const report = scanOutput(
      site({ 'index.html': '<h1>atlas/marzipan-public</h1>', 'a.json': '{}' }),
      FORBIDDEN,
    );
    expect(report.leaks).toEqual([]);
    expect(report.files).toBe(2);
  });

  it('finds an id in a page and a title in JSON', () => {
    const report = scanOutput(
      site({
        'records/index.html': '<a href="/records/atlas/marzipan/">x</a>',
        'api/records.json': JSON.stringify({ title: 'Search for a Z γ resonance & more' }),
      }),
      FORBIDDEN,
    );
    expect(report.leaks.map((leak) => [leak.file, leak.what, leak.decompressed])).toEqual([
      ['api/records.json', 'title', false],
      ['records/index.html', 'id', false],
    ]);
  });

  it('finds an id in a file’s path, such as a download written under a hidden record', () => {
    const report = scanOutput(
      site({ 'api/records/atlas/marzipan/hepdata/yields.csv': 'M,N\r\n1,2\r\n' }),
      FORBIDDEN,
    );
    expect(report.leaks).toEqual([
      expect.objectContaining({
        file: 'api/records/atlas/marzipan/hepdata/yields.csv',
        inPath: true,
        what: 'id',
        offset: 'api/records/'.length,
      }),
    ]);
    // A visible record whose id merely starts the same way is not a leak.
    expect(
      scanOutput(site({ 'api/records/atlas/marzipan-public/hepdata/t.csv': 'x' }), FORBIDDEN).leaks,
    ).toEqual([]);
  });

  it('finds a title HTML-escaped in a page', () => {
    const report = scanOutput(
      site({ 'x.html': '<title>Search for a Z γ resonance &amp; more</title>' }),
      FORBIDDEN,
    );
    expect(report.leaks).toHaveLength(1);
  });

  it('decompresses gzip files, such as Pagefind fragments, before looking', () => {
    const fragment = gzipSync(
      Buffer.from('pagefind_dcd{"meta":{"title":"Search for a Z γ resonance & more"}}'),
    );
    const report = scanOutput(site({ 'pagefind/fragment/en_1.pf_fragment': fragment }), FORBIDDEN);
    expect(report.leaks).toEqual([
      expect.objectContaining({
        file: 'pagefind/fragment/en_1.pf_fragment',
        decompressed: true,
        what: 'title',
      }),
    ]);
  });

  it('looks inside ZIP archives (serialized bags): compressed contents and entry names', () => {
    // Long enough to be deflated, so the title is not in the archive's raw bytes.
    const metadata = Buffer.from(
      JSON.stringify({ title: 'Search for a Z γ resonance & more', pad: 'x'.repeat(500) }),
    );
    const bag = zipArchive(
      [
        { path: 'bag/metadata/record.json', bytes: metadata },
        { path: 'bag/data/atlas/marzipan/notes.txt', bytes: Buffer.from('nothing') },
      ],
      '2026-11-22',
    );
    expect(bag.includes('Search for a Z')).toBe(false);
    const report = scanOutput(site({ 'api/records/x/bagit.zip': bag }), FORBIDDEN);
    // Entry names are also plain in the archive's headers (twice); inside, the scan sees both.
    expect(
      report.leaks
        .filter((leak) => leak.entry)
        .map((leak) => [leak.entry, leak.what, leak.decompressed]),
    ).toEqual([
      ['bag/metadata/record.json', 'title', true],
      ['bag/data/atlas/marzipan/notes.txt', 'id', true],
    ]);
  });

  it('fails closed on a ZIP archive it cannot read', () => {
    const bag = zipArchive([{ path: 'a.txt', bytes: Buffer.from('x'.repeat(100)) }], '2026-11-22');
    const damaged = Buffer.from(bag);
    damaged.writeUInt32LE(0, damaged.length - 22); // the end-of-directory signature
    const report = scanOutput(site({ 'bagit.zip': damaged }), FORBIDDEN);
    expect(report.leaks).toEqual([
      expect.objectContaining({ file: 'bagit.zip', context: expect.stringContaining('cannot') }),
    ]);
  });

  it('checks files again at the end only when they changed since they were checked', () => {
    const dir = site({ 'a.html': 'clean' });
    const scanner = new OutputScanner(FORBIDDEN);
    scanner.check('a.html', Buffer.from('clean'));
    writeFileSync(path.join(dir, 'a.html'), 'now with atlas/marzipan inside');
    expect(scanner.finish(dir).leaks.map((leak) => leak.file)).toEqual(['a.html']);
  });

  it('checks one folder, or all but one, so a build can check the rest while Pagefind writes', async () => {
    const dir = site({
      'index.html': 'atlas/marzipan',
      'pagefind/fragment/en_1.pf_fragment': gzipSync(Buffer.from('atlas/marzipan')),
    });
    const scanner = new OutputScanner(FORBIDDEN);
    const rest = await scanner.finishInTurns(dir, { except: 'pagefind' });
    expect(rest.leaks.map((leak) => leak.file)).toEqual(['index.html']);
    const all = scanner.finish(dir, { only: 'pagefind' });
    expect(all.files).toBe(2);
    expect(all.leaks.map((leak) => [leak.file, leak.decompressed])).toEqual([
      ['index.html', false],
      ['pagefind/fragment/en_1.pf_fragment', true],
    ]);
    // Nothing is checked twice, and a folder that is not there has nothing in it.
    expect(scanner.finish(dir).files).toBe(2);
    expect(scanner.finish(dir, { only: 'no-such-folder' }).files).toBe(2);
  });
});
