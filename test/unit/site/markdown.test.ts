import { describe, expect, it } from 'vitest';
import { markdownToSafeTree } from '../../../scripts/lib/site/markdown.ts';
import type { SafeNode } from '../../../scripts/lib/site/markdown.ts';

/** The tree as HTML-like text, for readable expectations (attributes in order, text unescaped). */
function show(nodes: SafeNode[]): string {
  return nodes
    .map((node) =>
      typeof node === 'string'
        ? node
        : `<${node.tag}${Object.entries(node.attrs)
            .map(([name, value]) => ` ${name}="${value}"`)
            .join('')}>${show(node.children)}</${node.tag}>`,
    )
    .join('')
    .replace(/\n/g, '');
}

const recordFile = (path: string) =>
  path === 'files/plot.svg' || path === 'files/fit.C' ? `/files/cms/x/${path}` : undefined;

describe('markdownToSafeTree', () => {
  it('renders plain Markdown', () => {
    expect(show(markdownToSafeTree('# Title\n\nSome *emphasis* and `code`.\n\n- one\n- two'))).toBe(
      '<h1>Title</h1><p>Some <em>emphasis</em> and <code>code</code>.</p><ul><li>one</li><li>two</li></ul>',
    );
  });

  it('keeps raw HTML as the literal text it is', () => {
    const tree = markdownToSafeTree('Hi <script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(
      tree
        .flatMap(function text(node): string[] {
          return typeof node === 'string' ? [node] : node.children.flatMap(text);
        })
        .join(''),
    ).toBe('Hi <script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(JSON.stringify(tree)).not.toMatch(/"tag":"(script|img)"/);
  });

  it('drops HTML comments', () => {
    expect(show(markdownToSafeTree('Visible\n\n<!-- hidden -->\n'))).toBe('<p>Visible</p>');
  });

  it('keeps links only to http(s), mailto and root:// and turns the rest into text', () => {
    const tree = markdownToSafeTree(
      '[a](https://example.org) [b](javascript:alert(1)) [c](JaVaScRiPt:alert(1)) [d](data:text/html,x) [e](mailto:a@b.org) [f](root://eos.cern.ch//eos/x) [g](vbscript:x) [h](//evil.org)',
    );
    expect(show(tree)).toBe(
      '<p><a href="https://example.org">a</a> b c d <a href="mailto:a@b.org">e</a> <a href="root://eos.cern.ch//eos/x">f</a> g h</p>',
    );
  });

  it('links relative paths only to files the site serves for the record', () => {
    expect(
      show(
        markdownToSafeTree(
          '[macro](files/fit.C) [secret](files/other.txt) [up](../x) [abs](/etc/passwd)',
          { recordFile },
        ),
      ),
    ).toBe('<p><a href="/files/cms/x/files/fit.C">macro</a> secret up abs</p>');
  });

  it('shows only the record’s own images; others become links to them', () => {
    expect(
      show(
        markdownToSafeTree(
          '![plot](files/plot.svg) ![tracker](https://example.org/t.png) ![x](javascript:alert(1))',
          { recordFile },
        ),
      ),
    ).toBe(
      '<p><img src="/files/cms/x/files/plot.svg" alt="plot" loading="lazy"></img> <a href="https://example.org/t.png">[image: tracker]</a> [image: x]</p>',
    );
  });

  it('moves headings down under the page’s own, and never past h6', () => {
    expect(show(markdownToSafeTree('# One\n\n##### Five', { headingOffset: 2 }))).toBe(
      '<h3>One</h3><h6>Five</h6>',
    );
  });

  it('keeps a code block’s language as a class, and nothing stranger', () => {
    expect(show(markdownToSafeTree('```console\nls\n```\n\n```x" onclick="y\nz\n```'))).toBe(
      '<pre tabindex="0"><code class="language-console">ls</code></pre><pre tabindex="0"><code>z</code></pre>',
    );
  });

  it('turns table alignment into classes, never style attributes', () => {
    const html = show(markdownToSafeTree('| a | b |\n|:-:|--:|\n| 1 | 2 |'));
    expect(html).toContain('<th class="align-center">a</th><th class="align-right">b</th>');
    expect(html).not.toContain('style');
    expect(html).toMatch(/^<div class="table-scroll" tabindex="0"><table>/);
  });

  it('writes task list boxes as characters', () => {
    expect(show(markdownToSafeTree('- [x] done\n- [ ] open'))).toBe(
      '<ul><li>☑  done</li><li>☐  open</li></ul>',
    );
  });

  it('skips parsing text with no Markdown in it, keeping its paragraphs', () => {
    expect(
      markdownToSafeTree('A measurement of the H→ττ\nsignal strength.\n\nSecond paragraph.'),
    ).toEqual([
      { tag: 'p', attrs: {}, children: ['A measurement of the H→ττ signal strength.'] },
      { tag: 'p', attrs: {}, children: ['Second paragraph.'] },
    ]);
  });
});
