/** git's delta format: the result's size, then copy-from-base and insert instructions. */
export function applyDelta(base: Buffer, delta: Buffer): Buffer {
  let pos = 0;
  const varint = () => {
    let value = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = delta[pos++] as number;
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  const baseSize = varint();
  if (baseSize !== base.length) throw new Error('A delta does not fit its base object.');
  const out = Buffer.allocUnsafe(varint());
  let at = 0;
  while (pos < delta.length) {
    const op = delta[pos++] as number;
    if (op & 0x80) {
      let offset = 0;
      let size = 0;
      for (let bit = 0; bit < 4; bit++)
        if (op & (1 << bit)) offset += (delta[pos++] as number) * 2 ** (8 * bit);
      for (let bit = 0; bit < 3; bit++)
        if (op & (0x10 << bit)) size += (delta[pos++] as number) << (8 * bit);
      if (size === 0) size = 0x10000;
      base.copy(out, at, offset, offset + size);
      at += size;
    } else if (op > 0) {
      delta.copy(out, at, pos, pos + op);
      at += op;
      pos += op;
    } else {
      throw new Error('A delta holds a reserved instruction.');
    }
  }
  if (at !== out.length) throw new Error('A delta produced the wrong size.');
  return out;
}
