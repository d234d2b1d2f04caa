import { markdownToHast } from 'satteri';
import type { HastNode } from 'satteri';
import { safeHref } from './links.ts';

/**
 * Contributor Markdown (README.md, record.md bodies) as a tree of allowed elements, never as an
 * HTML string: the page renders the tree element by element, so text is always escaped. Raw HTML
 * in the source stays visible as literal text; only allowed tags and attributes survive; links
 * are http(s), mailto, root:// or files of the record; images only from the record's own files.
 */
export type SafeNode = string | SafeElement;

export interface SafeElement {
  tag: string;
  attrs: { [name: string]: string };
  children: SafeNode[];
}

export interface MarkdownOptions {
  /** Added to heading levels (a README's `#` becomes an h3 under the page's h2). */
  headingOffset?: number;
  /** The site URL of a file of the record, given its path relative to the record folder. */
  recordFile?: (relativePath: string) => string | undefined;
}

const PLAIN_TAGS = new Set([
  'p',
  'ul',
  'li',
  'blockquote',
  'em',
  'strong',
  'del',
  'thead',
  'tbody',
  'tr',
  'hr',
  'br',
  'sup',
  'sub',
]);

/** Text that no Markdown construct could change (most abstracts): paragraphs, no parsing. */
const MARKDOWN_SYNTAX = /[\\`*_[\]<>#|~!&]|https?:|www\.|^\s*([-+=]|\d+[.)])|^ {4}|\t/m;

export function markdownToSafeTree(source: string, options: MarkdownOptions = {}): SafeNode[] {
  if (!MARKDOWN_SYNTAX.test(source))
    return source
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.trim().replace(/\s*\n\s*/g, ' '))
      .filter(Boolean)
      .map((paragraph) => ({ tag: 'p', attrs: {}, children: [paragraph] }));
  const root = markdownToHast(source, {
    position: false,
    features: { gfm: { footnotes: false }, frontmatter: false, rawHtml: false },
  });
  return convertChildren(root, options);
}

function convertChildren(node: HastNode, options: MarkdownOptions): SafeNode[] {
  const children = (node as { children?: HastNode[] }).children ?? [];
  return children.flatMap((child) => convert(child, options));
}

function convert(node: HastNode, options: MarkdownOptions): SafeNode[] {
  switch (node.type) {
    case 'text':
      return [(node as { value: string }).value];
    case 'raw': {
      // Raw HTML is shown as the literal text it is, except comments (meant to be invisible).
      const value = (node as { value: string }).value;
      return value.trimStart().startsWith('<!--') ? [] : [value];
    }
    case 'element':
      return element(node as HastElement, options);
    default:
      return [];
  }
}

interface HastElement {
  type: 'element';
  tagName: string;
  properties: { [name: string]: unknown };
  children: HastNode[];
}

function element(node: HastElement, options: MarkdownOptions): SafeNode[] {
  const children = convertChildren(node as unknown as HastNode, options);
  const tag = node.tagName;
  const props = node.properties ?? {};
  const heading = /^h([1-6])$/.exec(tag);
  if (heading) {
    const level = Math.min(6, Number(heading[1]) + (options.headingOffset ?? 0));
    return [{ tag: `h${level}`, attrs: {}, children }];
  }
  if (PLAIN_TAGS.has(tag)) return [{ tag, attrs: {}, children }];
  // Code blocks and tables may scroll sideways: keyboard users must be able to reach them.
  if (tag === 'pre') return [{ tag, attrs: { tabindex: '0' }, children }];
  if (tag === 'table')
    return [
      {
        tag: 'div',
        attrs: { class: 'table-scroll', tabindex: '0' },
        children: [{ tag, attrs: {}, children }],
      },
    ];
  switch (tag) {
    case 'ol': {
      const start = Number(props.start);
      return [
        {
          tag,
          attrs: Number.isInteger(start) && start > 1 ? { start: String(start) } : {},
          children,
        },
      ];
    }
    case 'th':
    case 'td': {
      const align = /text-align:\s*(left|right|center)/.exec(String(props.style ?? ''))?.[1];
      return [{ tag, attrs: align ? { class: `align-${align}` } : {}, children }];
    }
    case 'code': {
      const language = (props.className as string[] | undefined)
        ?.find((name) => /^language-[a-z0-9+#_-]{1,30}$/i.test(name))
        ?.toLowerCase();
      return [{ tag, attrs: language ? { class: language } : {}, children }];
    }
    case 'a': {
      const href = linkTarget(String(props.href ?? ''), options);
      if (!href) return children;
      const attrs: { [name: string]: string } = { href };
      if (typeof props.title === 'string') attrs.title = props.title;
      return [{ tag: 'a', attrs, children }];
    }
    case 'img': {
      const alt = typeof props.alt === 'string' ? props.alt : '';
      const src = String(props.src ?? '');
      const local = isRelative(src) ? options.recordFile?.(relativePath(src)) : undefined;
      if (local) return [{ tag: 'img', attrs: { src: local, alt, loading: 'lazy' }, children: [] }];
      // Images from elsewhere are not loaded (no tracking, no mixed content): link to them.
      const href = safeHref(src);
      const label = `[image${alt ? `: ${alt}` : ''}]`;
      return href ? [{ tag: 'a', attrs: { href }, children: [label] }] : [label];
    }
    case 'input':
      return props.type === 'checkbox' ? [props.checked ? '☑ ' : '☐ '] : [];
    default:
      // Anything else (a div from a plugin, a footnote section) keeps only its content.
      return children;
  }
}

function linkTarget(href: string, options: MarkdownOptions): string | undefined {
  if (/^#[A-Za-z0-9_-]+$/.test(href)) return href;
  if (isRelative(href)) return options.recordFile?.(relativePath(href));
  return safeHref(href);
}

/** A path inside the record folder: no scheme, not absolute, no way up. */
function isRelative(href: string): boolean {
  return (
    href !== '' &&
    !/^[a-z][a-z0-9+.-]*:/i.test(href) &&
    !href.startsWith('/') &&
    !href.startsWith('#') &&
    !href.split(/[/?#]/).includes('..')
  );
}

function relativePath(href: string): string {
  const path = href.replace(/[?#].*$/, '').replace(/^\.\//, '');
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
