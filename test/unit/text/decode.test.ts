import { describe, expect, it } from 'vitest';
import { decodeText, firstInvalidUtf8 } from '../../../scripts/lib/text/decode.ts';

describe('decodeText', () => {
  it('decodes UTF-8, including non-ASCII names', () => {
    expect(decodeText(Buffer.from('name: Łukasz Müller ✓\n'))).toEqual({
      ok: true,
      text: 'name: Łukasz Müller ✓\n',
    });
  });

  it('refuses a byte-order mark', () => {
    expect(decodeText(Buffer.from('\ufefftitle: x\n'))).toMatchObject({
      ok: false,
      problem: 'bom',
    });
  });

  it('refuses invalid UTF-8 and points at the line and byte', () => {
    const bytes = Buffer.concat([
      Buffer.from('a: 1\nb: caf'),
      Buffer.from([0xe9]),
      Buffer.from('\n'),
    ]);
    expect(decodeText(bytes)).toMatchObject({ ok: false, problem: 'encoding', line: 2, column: 7 });
  });

  it('refuses files over the size cap before decoding them', () => {
    expect(decodeText(new Uint8Array(11), 10)).toMatchObject({ ok: false, problem: 'too-large' });
  });

  it('finds overlong encodings and surrogates', () => {
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from('ok ✓'))).toBe(6);
  });
});
