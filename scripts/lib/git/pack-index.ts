import { fstatSync, openSync, readFileSync } from 'node:fs';

/**
 * A pack and its index: the sorted object ids with their offsets in the pack, and the offsets
 * sorted, so that an object's compressed bytes end where the next object starts.
 */
export interface Pack {
  file: string;
  fd: number;
  size: number;
  fanout: Uint32Array;
  /** The sorted object ids, 20 bytes each. */
  ids: Buffer;
  offsets: Float64Array;
  /** Offsets in ascending order: an object's data ends where the next one starts. */
  sortedOffsets: Float64Array;
}

/** Parses a version-2 pack index (the only one git has written since 2008). */
export function loadIndex(indexFile: string): Pack | undefined {
  const index = readFileSync(indexFile);
  if (index.readUInt32BE(0) !== 0xff744f63 || index.readUInt32BE(4) !== 2) return undefined;
  const fanout = new Uint32Array(256);
  for (let i = 0; i < 256; i++) fanout[i] = index.readUInt32BE(8 + i * 4);
  const count = fanout[255] as number;
  const idsStart = 8 + 256 * 4;
  const offsetsStart = idsStart + count * 20 + count * 4;
  const largeStart = offsetsStart + count * 4;
  const offsets = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const small = index.readUInt32BE(offsetsStart + i * 4);
    offsets[i] =
      small & 0x80000000
        ? Number(index.readBigUInt64BE(largeStart + (small & 0x7fffffff) * 8))
        : small;
  }
  const packFile = indexFile.replace(/\.idx$/, '.pack');
  const fd = openSync(packFile, 'r');
  // The size through the same descriptor, so it is that of the file read.
  const size = fstatSync(fd).size;
  return {
    file: packFile,
    fd,
    size,
    fanout,
    ids: index.subarray(idsStart, idsStart + count * 20),
    offsets,
    sortedOffsets: Float64Array.from(offsets).sort(),
  };
}

export function findInIndex(pack: Pack, oid: string): number {
  const first = parseInt(oid.slice(0, 2), 16);
  let low = first === 0 ? 0 : (pack.fanout[first - 1] as number);
  let high = (pack.fanout[first] as number) - 1;
  const wanted = Buffer.from(oid, 'hex');
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const order = pack.ids.compare(wanted, 0, 20, middle * 20, middle * 20 + 20);
    if (order === 0) return middle;
    if (order < 0) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

export function nextOffset(pack: Pack, offset: number): number {
  const sorted = pack.sortedOffsets;
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) <= offset) low = middle + 1;
    else high = middle - 1;
  }
  // The pack ends with a 20-byte checksum.
  return low < sorted.length ? (sorted[low] as number) : pack.size - 20;
}
