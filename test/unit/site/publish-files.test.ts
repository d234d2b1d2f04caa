import { describe, expect, it } from 'vitest';
import { isInertSvg, withholdReason } from '../../../scripts/lib/site/publish-files.ts';

const svg = (body: string, attributes = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg"${attributes}>${body}</svg>`;

describe('isInertSvg', () => {
  it('accepts a plot: shapes, text, styles, internal references', () => {
    expect(
      isInertSvg(
        `<?xml version="1.0"?>${svg('<defs><clipPath id="c"><rect/></clipPath></defs><style>.a{fill:red}</style><g clip-path="url(#c)"><text>CMS data: 35.9 fb⁻¹</text><use href="#c"/></g>')}`,
      ),
    ).toBe(true);
  });

  it('refuses anything that could run or fetch', () => {
    for (const body of [
      '<script>alert(1)</script>',
      '<SCRIPT >alert(1)</SCRIPT>',
      '<rect onload="alert(1)"/>',
      '<a href="javascript:alert(1)"><text>x</text></a>',
      '<a xlink:href="jav&#x61;script:alert(1)">x</a>',
      '<foreignObject><div>x</div></foreignObject>',
      '<image href="https://tracker.example.org/p.png"/>',
      '<style>@import url(https://x.org/a.css)</style>',
      '<rect style="fill:url(https://x.org/f)"/>',
    ])
      expect(isInertSvg(svg(body)), body).toBe(false);
    expect(isInertSvg(`<!DOCTYPE svg [<!ENTITY x "y">]>${svg('')}`)).toBe(false);
  });
});

describe('withholdReason', () => {
  it('withholds HTML and active SVG, serves the rest', async () => {
    const read = (text: string) => async () => new TextEncoder().encode(text);
    expect(await withholdReason('files/page.html', read('<p>'))).toMatch(/HTML/);
    expect(await withholdReason('files/plot.svg', read(svg('<script>x</script>')))).toMatch(
      /scripts/,
    );
    expect(await withholdReason('files/plot.svg', read(svg('<rect/>')))).toBeUndefined();
    expect(await withholdReason('files/fit.C', read('void fit() {}'))).toBeUndefined();
  });
});

describe('isInertSvg and matplotlib', () => {
  it('accepts the DOCTYPE line matplotlib writes', () => {
    expect(
      isInertSvg(
        `<?xml version="1.0" encoding="utf-8" standalone="no"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"\n  "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n${svg('<path d="M 0 0 L 1 1"/>')}`,
      ),
    ).toBe(true);
  });
});
