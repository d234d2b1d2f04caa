import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  bagDirectoryReader,
  writeBagDirectory,
} from '../../../scripts/lib/export/bag-directory.ts';
import {
  bagFiles,
  decodeManifestPath,
  encodeManifestPath,
  verifyBag,
} from '../../../scripts/lib/export/bagit.ts';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

const payload = [
  { path: 'record.yaml', bytes: Buffer.from('title: x\n') },
  { path: 'files/100% done.txt', bytes: Buffer.from('done\n') },
  { path: 'files/empty', bytes: new Uint8Array() },
];

async function writtenBag() {
  dir = await mkdtemp(path.join(tmpdir(), 'capsule-bag-'));
  const bag = path.join(dir, 'bag');
  await writeBagDirectory(
    bag,
    bagFiles(
      payload,
      [['Source-Organization', 'Example']],
      [{ path: 'metadata/note.json', bytes: Buffer.from('{}\n') }],
    ),
  );
  return bag;
}

describe('BagIt', () => {
  it('writes a bag that verifies: declaration, sha512 manifests, Payload-Oxum', async () => {
    const bag = await writtenBag();
    expect(await readFile(path.join(bag, 'bagit.txt'), 'utf8')).toBe(
      'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n',
    );
    const info = await readFile(path.join(bag, 'bag-info.txt'), 'utf8');
    expect(info).toBe('Source-Organization: Example\nPayload-Oxum: 14.3\n');
    const manifest = await readFile(path.join(bag, 'manifest-sha512.txt'), 'utf8');
    expect(manifest).toMatch(/^[0-9a-f]{128} {2}data\/files\/100%25 done\.txt\n/);
    const tags = await readFile(path.join(bag, 'tagmanifest-sha512.txt'), 'utf8');
    expect(
      tags
        .split('\n')
        .filter(Boolean)
        .map((line) => line.slice(130)),
    ).toEqual(['bag-info.txt', 'bagit.txt', 'manifest-sha512.txt', 'metadata/note.json']);
    expect(await verifyBag(bagDirectoryReader(bag))).toEqual({
      valid: true,
      problems: [],
      payloadFiles: 3,
      payloadBytes: 14,
    });
  });

  it('finds a changed payload file, a file added to the payload and a wrong Payload-Oxum', async () => {
    const bag = await writtenBag();
    await writeFile(path.join(bag, 'data/record.yaml'), 'title: y\n');
    await writeFile(path.join(bag, 'data/stray.txt'), 'x');
    const check = await verifyBag(bagDirectoryReader(bag));
    expect(check.valid).toBe(false);
    expect(check.problems).toEqual([
      expect.stringMatching(
        /^data\/record\.yaml: sha512 is [0-9a-f]+, the manifest says [0-9a-f]+\.$/,
      ),
      'data/stray.txt is in the payload but not in manifest-sha512.txt.',
      'bag-info.txt: Payload-Oxum says 14.3, the payload is 15.4.',
    ]);
  });

  it('finds a tag file changed after bagging', async () => {
    const bag = await writtenBag();
    await appendFile(path.join(bag, 'bag-info.txt'), 'Contact-Name: someone\n');
    const check = await verifyBag(bagDirectoryReader(bag));
    expect(check.problems).toEqual([expect.stringMatching(/^bag-info\.txt: sha512 is/)]);
  });

  it('never overwrites a folder that has files, and leaves nothing half-written', async () => {
    const bag = await writtenBag();
    await expect(writeBagDirectory(bag, bagFiles(payload, []))).rejects.toThrow(
      /exists and is not empty/,
    );
    expect(() => bagFiles([{ path: '../escape', bytes: new Uint8Array() }], [])).toThrow(
      /not a plain relative path/,
    );
  });

  it('percent-encodes line breaks and % in manifest paths (RFC 8493 2.1.3)', () => {
    const name = 'a%b\nc\rd';
    expect(encodeManifestPath(name)).toBe('a%25b%0Ac%0Dd');
    expect(decodeManifestPath(encodeManifestPath(name))).toBe(name);
  });
});
