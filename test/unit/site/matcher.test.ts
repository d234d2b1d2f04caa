import { describe, expect, it } from 'vitest';
import { Matcher } from '../../../scripts/lib/site/scan/matcher.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('Matcher', () => {
  it('finds every pattern, overlapping ones included, with their byte offsets', () => {
    const matcher = new Matcher([{ text: 'he' }, { text: 'she' }, { text: 'hers' }]);
    const found = matcher.scan(bytes('ushers'));
    expect(found.map((match) => [matcher.patterns[match.pattern]?.text, match.offset])).toEqual([
      ['she', 1],
      ['he', 2],
      ['hers', 2],
    ]);
  });

  it('ignores the case of ASCII letters', () => {
    const matcher = new Matcher([{ text: 'Secret Title' }]);
    expect(matcher.scan(bytes('a SECRET title here'))).toEqual([{ pattern: 0, offset: 2 }]);
  });

  it('matches UTF-8 text byte for byte', () => {
    const matcher = new Matcher([{ text: 'H→ττ décroissance' }]);
    expect(matcher.scan(bytes('voir H→ττ décroissance'))).toHaveLength(1);
    expect(matcher.scan(bytes('voir H→ττ decroissance'))).toHaveLength(0);
  });

  it('respects word boundaries when asked: an id inside a longer id is not a match', () => {
    const matcher = new Matcher([{ text: 'cms/higgs', wordBoundary: true }]);
    expect(matcher.scan(bytes('/records/cms/higgs-tautau/'))).toEqual([]);
    expect(matcher.scan(bytes('/records/cms/higgs/'))).toHaveLength(1);
    expect(matcher.scan(bytes('"cms/higgs"'))).toHaveLength(1);
  });

  it('stops at the limit', () => {
    const matcher = new Matcher([{ text: 'a' }]);
    expect(matcher.scan(bytes('aaaaaaaa'), 3)).toHaveLength(3);
  });

  it('finds nothing with no patterns', () => {
    expect(new Matcher([]).scan(bytes('anything'))).toEqual([]);
  });
});
