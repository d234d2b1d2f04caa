import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * ZIP archives (PKWARE APPNOTE, no ZIP64) for serialized bags (RFC 8493 section 4): written
 * deterministically (fixed entry order and timestamp, so a rebuild gives the same bytes), and
 * read back for verification and for the build's output scan, which must see inside them.
 */
export interface ZipEntry {
  /** `/`-separated path inside the archive. */
  path: string;
  bytes: Uint8Array;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
/** General purpose flag bit 11: names are UTF-8. */
const UTF8 = 0x0800;
const STORED = 0;
const DEFLATED = 8;

/** A YYYY-MM-DD day as an MS-DOS date and time (midnight). */
function dosDateTime(day: string): { date: number; time: number } {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return { date: ((Math.max(year, 1980) - 1980) << 9) | (month << 5) | date, time: 0 };
}

/** Entries smaller than this are stored: deflating them costs more than it saves. */
const DEFLATE_FROM = 512;

/**
 * Entries are deflated (at zlib's fastest level: a site writes thousands of these) when that
 * makes them smaller, else stored.
 */
export function zipArchive(entries: readonly ZipEntry[], day: string): Buffer {
  if (entries.length > 0xffff) throw new Error('A ZIP without ZIP64 holds at most 65,535 entries.');
  const { date, time } = dosDateTime(day);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.path, 'utf8');
    const deflated =
      entry.bytes.length >= DEFLATE_FROM ? deflateRawSync(entry.bytes, { level: 1 }) : undefined;
    const method = deflated && deflated.length < entry.bytes.length ? DEFLATED : STORED;
    const data = method === DEFLATED && deflated ? deflated : Buffer.from(entry.bytes);
    const crc = crc32(entry.bytes);
    if (offset + data.length > 0xffffffff)
      throw new Error('A ZIP without ZIP64 holds at most 4 GB.');
    // The fields the local header and the central directory entry share, in the same order.
    const shared = { method, time, date, crc, compressed: data.length, size: entry.bytes.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    writeShared(local, 6, shared, name.length);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    writeShared(central, 8, shared, name.length);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * Flags, method, time, date, CRC-32, sizes and name length: the run of fields a local header
 * (from byte 6) and a central directory entry (from byte 8) have in common.
 */
function writeShared(
  header: Buffer,
  at: number,
  fields: {
    method: number;
    time: number;
    date: number;
    crc: number;
    compressed: number;
    size: number;
  },
  nameLength: number,
): void {
  header.writeUInt16LE(UTF8, at);
  header.writeUInt16LE(fields.method, at + 2);
  header.writeUInt16LE(fields.time, at + 4);
  header.writeUInt16LE(fields.date, at + 6);
  header.writeUInt32LE(fields.crc, at + 8);
  header.writeUInt32LE(fields.compressed, at + 12);
  header.writeUInt32LE(fields.size, at + 16);
  header.writeUInt16LE(nameLength, at + 20);
}

export class ZipFormatError extends Error {}

/** Whether bytes start like a ZIP archive (a local file header or an empty archive). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/**
 * Every entry of a ZIP archive, from its central directory, checked against its CRC-32.
 * Throws ZipFormatError for anything it cannot read (ZIP64, encryption, other methods).
 */
export function unzipArchive(input: Uint8Array): ZipEntry[] {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.length);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--)
    if (bytes.readUInt32LE(at) === END) {
      end = at;
      break;
    }
  if (end < 0) throw new ZipFormatError('No end of central directory record.');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL)
      throw new ZipFormatError(`Central directory entry ${index + 1} is damaged.`);
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const crc = bytes.readUInt32LE(at + 16);
    const compressed = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const offset = bytes.readUInt32LE(at + 42);
    const path = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + skip;
    if (flags & 1) throw new ZipFormatError(`${path} is encrypted.`);
    if (offset + 30 > bytes.length || bytes.readUInt32LE(offset) !== LOCAL)
      throw new ZipFormatError(`${path}: the local header is damaged.`);
    const start = offset + 30 + bytes.readUInt16LE(offset + 26) + bytes.readUInt16LE(offset + 28);
    const data = bytes.subarray(start, start + compressed);
    let content: Buffer;
    if (method === STORED) content = Buffer.from(data);
    else if (method === DEFLATED) content = inflateRawSync(data);
    else throw new ZipFormatError(`${path}: compression method ${method} is not supported.`);
    if (content.length !== size || crc32(content) !== crc)
      throw new ZipFormatError(`${path}: the content does not match its size and CRC-32.`);
    if (!path.endsWith('/')) entries.push({ path, bytes: content });
  }
  return entries;
}
