import { closeSync, readFileSync, readSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { inflateSync } from 'node:zlib';
import { applyDelta } from './delta.ts';
import { findInIndex, loadIndex, nextOffset } from './pack-index.ts';
import type { Pack } from './pack-index.ts';

/**
 * Reads git objects straight from a repository's packs and loose files, with node's zlib.
 *
 * A history pass reads some 40,000 objects for an archive of 10,000 records. isomorphic-git
 * inflates with a JavaScript zlib and probes the disk for every object (about 160 µs an object
 * here, most of the ten-second budget); this reader inflates natively, reads each packed object
 * by its exact extent through one file descriptor, and keeps recently inflated delta bases: some
 * 45 µs an object, delta chains included. isomorphic-git stays the reader for everything else
 * (refs, revision names, merge bases, the working tree) and the fallback for objects this one
 * does not find.
 */
export type ObjectType = 'commit' | 'tree' | 'blob' | 'tag';

export interface GitObject {
  type: ObjectType;
  data: Buffer;
}

const TYPES: { [code: number]: ObjectType } = { 1: 'commit', 2: 'tree', 3: 'blob', 4: 'tag' };
const OFS_DELTA = 6;
const REF_DELTA = 7;
/** Inflated objects kept for delta chains, by total size (git's own delta base cache: 96 MiB). */
const BASE_CACHE_BYTES = 32 * 1024 * 1024;

export class ObjectStore {
  readonly #objectDirs: string[];
  #packs: Pack[] | undefined;
  readonly #bases = new Map<string, GitObject>();
  #baseBytes = 0;
  /** Scratch buffers for compressed bytes, one per level of a delta chain being resolved. */
  readonly #scratch: Buffer[] = [];
  #depth = 0;

  constructor(commondir: string) {
    const objects = path.join(commondir, 'objects');
    this.#objectDirs = [objects, ...alternates(objects)];
  }

  /** The object, or undefined when this repository does not hold it. */
  read(oid: string): GitObject | undefined {
    for (const pack of this.#loadPacks()) {
      const index = findInIndex(pack, oid);
      if (index >= 0) return this.#readPacked(pack, pack.offsets[index] as number);
    }
    for (const dir of this.#objectDirs) {
      let deflated: Buffer;
      try {
        deflated = readFileSync(path.join(dir, oid.slice(0, 2), oid.slice(2)));
      } catch {
        continue;
      }
      const raw = inflateSync(deflated);
      const space = raw.indexOf(0x20);
      const nul = raw.indexOf(0);
      const type = raw.subarray(0, space).toString('latin1') as ObjectType;
      return { type, data: raw.subarray(nul + 1) };
    }
    return undefined;
  }

  close(): void {
    for (const pack of this.#packs ?? []) closeSync(pack.fd);
    this.#packs = [];
    this.#bases.clear();
  }

  #loadPacks(): Pack[] {
    if (this.#packs) return this.#packs;
    this.#packs = [];
    for (const dir of this.#objectDirs) {
      let names: string[];
      try {
        names = readdirSync(path.join(dir, 'pack'));
      } catch {
        continue;
      }
      for (const name of names.filter((n) => n.endsWith('.idx')).sort()) {
        const pack = loadIndex(path.join(dir, 'pack', name));
        if (pack) this.#packs.push(pack);
      }
    }
    return this.#packs;
  }

  #readPacked(pack: Pack, offset: number): GitObject {
    const key = `${pack.file}:${offset}`;
    const cached = this.#bases.get(key);
    if (cached) {
      // Refresh its place in the LRU order.
      this.#bases.delete(key);
      this.#bases.set(key, cached);
      return cached;
    }
    this.#depth++;
    try {
      const object = this.#inflatePacked(pack, offset);
      this.#remember(key, object);
      return object;
    } finally {
      this.#depth--;
    }
  }

  #inflatePacked(pack: Pack, offset: number): GitObject {
    const length = nextOffset(pack, offset) - offset;
    // Compressed bytes go to a reused buffer: only the inflated object outlives this call.
    let scratch = this.#scratch[this.#depth] ?? Buffer.alloc(0);
    if (scratch.length < length) {
      scratch = Buffer.allocUnsafe(Math.max(length, 2 * scratch.length, 64 * 1024));
      this.#scratch[this.#depth] = scratch;
    }
    const bytes = scratch.subarray(0, length);
    readSync(pack.fd, bytes, 0, length, offset);
    let byte = bytes[0] as number;
    const code = (byte >> 4) & 7;
    // The inflated size: zlib's output buffer is made that size (its default, 16 KiB, would
    // keep a 16 KiB allocation alive behind every small cached object).
    let size = byte & 0x0f;
    let shift = 4;
    let pos = 1;
    while (byte & 0x80) {
      byte = bytes[pos++] as number;
      size += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    }
    const inflate = (from: number) =>
      inflateSync(bytes.subarray(from), { chunkSize: Math.max(64, size) });
    if (code === OFS_DELTA) {
      byte = bytes[pos++] as number;
      let distance = byte & 0x7f;
      while (byte & 0x80) {
        byte = bytes[pos++] as number;
        distance = (distance + 1) * 128 + (byte & 0x7f);
      }
      const base = this.#readPacked(pack, offset - distance);
      return { type: base.type, data: applyDelta(base.data, inflate(pos)) };
    }
    if (code === REF_DELTA) {
      const baseId = bytes.subarray(pos, pos + 20).toString('hex');
      const base = this.read(baseId);
      if (!base) throw new Error(`${pack.file}: the delta base ${baseId} is missing.`);
      return {
        type: base.type,
        data: applyDelta(base.data, inflate(pos + 20)),
      };
    }
    const type = TYPES[code];
    if (!type) throw new Error(`${pack.file}: unknown object type ${code} at offset ${offset}.`);
    return { type, data: inflate(pos) };
  }

  #remember(key: string, object: GitObject): void {
    this.#bases.set(key, object);
    this.#baseBytes += object.data.length;
    for (const [oldest, value] of this.#bases) {
      if (this.#baseBytes <= BASE_CACHE_BYTES) break;
      this.#bases.delete(oldest);
      this.#baseBytes -= value.data.length;
    }
  }
}

function alternates(objects: string): string[] {
  try {
    return readFileSync(path.join(objects, 'info', 'alternates'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => path.resolve(objects, line));
  } catch {
    return [];
  }
}
