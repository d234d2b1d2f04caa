import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bagName, serializeBag, zippedBagReader } from '../../../scripts/lib/export/bag-zip.ts';
import { bagFiles, verifyBag } from '../../../scripts/lib/export/bagit.ts';
import { ZipFormatError, unzipArchive, zipArchive } from '../../../scripts/lib/export/zip.ts';

const entries = [
  { path: 'bag/data/notes.txt', bytes: Buffer.from('a'.repeat(1000)) },
  { path: 'bag/data/plot%20 ü.png', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) },
  { path: 'bag/empty.txt', bytes: Buffer.alloc(0) },
];

describe('ZIP archives', () => {
  it('round-trip: names (UTF-8), contents, deflated or stored', () => {
    const zip = zipArchive(entries, '2026-11-22');
    expect(unzipArchive(zip)).toEqual(entries);
    // The repetitive text is deflated, the tiny binary stored.
    expect(zip.length).toBeLessThan(1000);
  });

  it('are the same bytes for the same input (deterministic builds)', () => {
    expect(zipArchive(entries, '2026-11-22').equals(zipArchive(entries, '2026-11-22'))).toBe(true);
  });

  it('unzip with the standard tools', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'capsule-zip-'));
    const file = path.join(dir, 'bag.zip');
    writeFileSync(file, zipArchive(entries, '2026-11-22'));
    const check = execFileSync('/usr/bin/python3', [
      '-c',
      'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.testzip()); print(*z.namelist(), sep="\\n"); print(z.infolist()[0].date_time)',
      file,
    ]).toString();
    expect(check.split('\n')).toEqual([
      'None',
      ...entries.map((entry) => entry.path),
      '(2026, 11, 22, 0, 0, 0)',
      '',
    ]);
  });

  it('refuse damaged contents with a reason', () => {
    const zip = zipArchive(entries, '2026-11-22');
    const damaged = Buffer.from(zip);
    // Flip a byte of the stored PNG (its data follows its local header and name).
    const at = damaged.indexOf(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    damaged[at + 4] = 9;
    expect(() => unzipArchive(damaged)).toThrow(ZipFormatError);
    expect(() => unzipArchive(Buffer.from('not a zip'))).toThrow(/end of central directory/);
  });
});

describe('serialized bags', () => {
  it('unpack into one folder named after the record and verify', async () => {
    const files = bagFiles(
      [{ path: 'files/fit.C', bytes: Buffer.from('void fit() {}\n') }],
      [['Source-Organization', 'Test']],
    );
    const name = bagName('cms/higgs-tautau-2016');
    expect(name).toBe('cms-higgs-tautau-2016');
    const reader = zippedBagReader(serializeBag(files, name, '2026-11-22'));
    expect(reader.name).toBe(name);
    expect(await verifyBag(reader)).toMatchObject({ valid: true, payloadFiles: 1 });
  });

  it('that were tampered with do not verify', async () => {
    const files = bagFiles([{ path: 'a.txt', bytes: Buffer.from('original') }], []);
    const tampered = files.map((file) =>
      file.path === 'data/a.txt' ? { ...file, bytes: Buffer.from('changed!') } : file,
    );
    const check = await verifyBag(zippedBagReader(serializeBag(tampered, 'bag', '2026-11-22')));
    expect(check.valid).toBe(false);
    expect(check.problems.join('\n')).toContain('data/a.txt: sha512 is');
  });
});
