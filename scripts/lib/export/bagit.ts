import { createHash } from 'node:crypto';

/**
 * BagIt (RFC 8493) packages for long-term preservation: the payload under data/, sha512
 * manifests for the payload and the tag files, bag-info.txt with Payload-Oxum. `bagFiles` makes
 * every file of a bag from its payload (pure); `verifyBag` checks a bag as RFC 8493 section 3
 * defines complete and valid, reading through the function it is given.
 */
export interface BagFile {
  /** Path inside the bag, `/`-separated. */
  path: string;
  bytes: Uint8Array;
}

/** bag-info.txt labels and values, in the order they are written. */
export type BagInfo = Array<[label: string, value: string]>;

export const BAGIT_VERSION = '1.0';
const ALGORITHM = 'sha512';

function sha512(bytes: Uint8Array): string {
  return createHash(ALGORITHM).update(bytes).digest('hex');
}

/** RFC 8493 2.1.3: CR, LF and `%` in a manifest path are percent-encoded. */
export function encodeManifestPath(path: string): string {
  return path.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function decodeManifestPath(path: string): string {
  return path.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}

function manifest(files: readonly BagFile[]): Uint8Array {
  const lines = [...files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((file) => `${sha512(file.bytes)}  ${encodeManifestPath(file.path)}\n`);
  return Buffer.from(lines.join(''), 'utf8');
}

/**
 * Every file of a bag: bagit.txt, bag-info.txt (with Payload-Oxum added), data/<payload>,
 * the extra tag files, manifest-sha512.txt and tagmanifest-sha512.txt.
 */
export function bagFiles(
  payload: readonly BagFile[],
  info: BagInfo,
  tagFiles: readonly BagFile[] = [],
): BagFile[] {
  for (const file of [...payload, ...tagFiles]) {
    if (
      file.path.startsWith('/') ||
      file.path.split('/').some((s) => s === '..' || s === '.' || s === '')
    )
      throw new Error(`Bag path ${JSON.stringify(file.path)} is not a plain relative path.`);
  }
  const data = payload.map((file) => ({ path: `data/${file.path}`, bytes: file.bytes }));
  const octets = payload.reduce((sum, file) => sum + file.bytes.length, 0);
  const infoText = [...info, ['Payload-Oxum', `${octets}.${payload.length}`] as [string, string]]
    .map(([label, value]) => `${label}: ${value.replace(/\r?\n/g, '\n  ')}\n`)
    .join('');
  const tags: BagFile[] = [
    {
      path: 'bagit.txt',
      bytes: Buffer.from(`BagIt-Version: ${BAGIT_VERSION}\nTag-File-Character-Encoding: UTF-8\n`),
    },
    { path: 'bag-info.txt', bytes: Buffer.from(infoText, 'utf8') },
    ...tagFiles,
    { path: `manifest-${ALGORITHM}.txt`, bytes: manifest(data) },
  ];
  return [...data, ...tags, { path: `tagmanifest-${ALGORITHM}.txt`, bytes: manifest(tags) }];
}

/** How a verifier reads a bag: its file list and contents, relative to the bag's root. */
export interface BagReader {
  list(): Promise<string[]>;
  read(path: string): Promise<Uint8Array>;
}

export interface BagVerification {
  valid: boolean;
  /** One sentence per problem, naming the file. */
  problems: string[];
  payloadFiles: number;
  payloadBytes: number;
}

const SUPPORTED = new Set(['md5', 'sha1', 'sha256', 'sha512']);

export async function verifyBag(bag: BagReader): Promise<BagVerification> {
  const problems: string[] = [];
  const files = new Set(await bag.list());
  const text = async (path: string) => Buffer.from(await bag.read(path)).toString('utf8');
  if (!files.has('bagit.txt')) problems.push('bagit.txt is missing.');
  else {
    const declaration = await text('bagit.txt');
    if (!/^BagIt-Version: \d+\.\d+\r?\n/.test(declaration))
      problems.push('bagit.txt does not start with a `BagIt-Version: M.N` line.');
    if (!/^Tag-File-Character-Encoding: UTF-8\r?$/m.test(declaration))
      problems.push('bagit.txt does not declare `Tag-File-Character-Encoding: UTF-8`.');
  }
  const payload = [...files].filter((path) => path.startsWith('data/'));
  const manifests = [...files].filter((path) => /^manifest-[a-z0-9]+\.txt$/.test(path));
  if (manifests.length === 0)
    problems.push('There is no payload manifest (manifest-<algorithm>.txt).');
  let payloadBytes = 0;
  for (const path of payload) payloadBytes += (await bag.read(path)).length;
  const check = async (manifestPath: string, expected: 'payload' | 'tag') => {
    const algorithm = /^(?:tag)?manifest-([a-z0-9]+)\.txt$/.exec(manifestPath)?.[1] ?? '';
    if (!SUPPORTED.has(algorithm)) {
      problems.push(`${manifestPath}: the algorithm ${algorithm} is not one this verifier knows.`);
      return;
    }
    const listed = new Set<string>();
    for (const [index, line] of (await text(manifestPath)).split(/\r?\n/).entries()) {
      if (line === '') continue;
      const match = /^([0-9a-fA-F]+)[ \t]+(.+)$/.exec(line);
      if (!match) {
        problems.push(`${manifestPath}:${index + 1}: not a \`checksum path\` line.`);
        continue;
      }
      const path = decodeManifestPath(match[2] as string).replace(/^\.\//, '');
      listed.add(path);
      if (path.split('/').includes('..') || path.startsWith('/')) {
        problems.push(`${manifestPath}:${index + 1}: ${path} leaves the bag.`);
        continue;
      }
      if (expected === 'payload' && !path.startsWith('data/'))
        problems.push(`${manifestPath}:${index + 1}: ${path} is not in the payload (data/).`);
      if (!files.has(path)) {
        problems.push(`${manifestPath}:${index + 1}: ${path} is listed but missing.`);
        continue;
      }
      const actual = createHash(algorithm)
        .update(await bag.read(path))
        .digest('hex');
      if (actual !== (match[1] as string).toLowerCase())
        problems.push(`${path}: ${algorithm} is ${actual}, the manifest says ${match[1]}.`);
    }
    if (expected === 'payload')
      for (const path of payload)
        if (!listed.has(path))
          problems.push(`${path} is in the payload but not in ${manifestPath}.`);
  };
  for (const path of manifests) await check(path, 'payload');
  for (const path of [...files].filter((p) => /^tagmanifest-[a-z0-9]+\.txt$/.test(p)))
    await check(path, 'tag');
  if (files.has('bag-info.txt')) {
    const oxum = /^Payload-Oxum:\s*(\d+)\.(\d+)\s*$/m.exec(await text('bag-info.txt'));
    if (oxum && (Number(oxum[1]) !== payloadBytes || Number(oxum[2]) !== payload.length))
      problems.push(
        `bag-info.txt: Payload-Oxum says ${oxum[1]}.${oxum[2]}, the payload is ${payloadBytes}.${payload.length}.`,
      );
  }
  return { valid: problems.length === 0, problems, payloadFiles: payload.length, payloadBytes };
}
