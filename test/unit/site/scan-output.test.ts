import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
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

  it('checks files again at the end only when they changed since they were checked', () => {
    const dir = site({ 'a.html': 'clean' });
    const scanner = new OutputScanner(FORBIDDEN);
    scanner.check('a.html', Buffer.from('clean'));
    writeFileSync(path.join(dir, 'a.html'), 'now with atlas/marzipan inside');
    expect(scanner.finish(dir).leaks.map((leak) => leak.file)).toEqual(['a.html']);
  });
});
