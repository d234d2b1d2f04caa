import { isUtf8 } from 'node:buffer';

/**
 * Turns a file's bytes into text, refusing what would make parsing slow or ambiguous: files over a
 * size cap, invalid UTF-8, and a byte-order mark.
 */

export const METADATA_SIZE_CAP = 1024 * 1024;

export type DecodeProblem = 'too-large' | 'encoding' | 'bom';

export type Decoded =
  | { ok: true; text: string }
  | {
      ok: false;
      problem: DecodeProblem;
      line: number;
      column: number;
      message: string;
      hint: string;
    };

export function decodeText(bytes: Uint8Array, maxBytes = METADATA_SIZE_CAP): Decoded {
  if (bytes.length > maxBytes) {
    return {
      ok: false,
      problem: 'too-large',
      line: 1,
      column: 1,
      message: `The file is ${formatBytes(bytes.length)}, over the ${formatBytes(maxBytes)} cap for metadata files.`,
      hint: 'Move long documentation to README.md and large content to files/ or an external location.',
    };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return {
      ok: false,
      problem: 'bom',
      line: 1,
      column: 1,
      message: 'The file starts with a UTF-8 byte-order mark.',
      hint: 'Save the file as UTF-8 without BOM (in most editors: "UTF-8" rather than "UTF-8 with BOM").',
    };
  }
  if (!isUtf8(bytes)) {
    const offset = firstInvalidUtf8(bytes);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    return {
      ok: false,
      problem: 'encoding',
      line,
      column: offset - lineStart + 1,
      message: `The file is not valid UTF-8 (byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} at offset ${offset}).`,
      hint: 'Re-save the file as UTF-8; it was probably written as Latin-1 or Windows-1252.',
    };
  }
  return {
    ok: true,
    text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'),
  };
}

/** The offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, surrogates or > U+10FFFF). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i] as number;
    let length: number;
    let min: number;
    if (byte < 0x80) {
      i++;
      continue;
    } else if (byte >= 0xc2 && byte <= 0xdf) {
      length = 2;
      min = 0x80;
    } else if (byte >= 0xe0 && byte <= 0xef) {
      length = 3;
      min = 0x800;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      length = 4;
      min = 0x10000;
    } else {
      return i;
    }
    let code = byte & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += length;
  }
  return bytes.length;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 10 ? value.toFixed(0) : value.toFixed(1)} ${units[unit]}`;
}
