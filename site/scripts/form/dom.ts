/**
 * Small DOM helpers for the submission form. Text from schemas and records always goes into the
 * page as text nodes, never as HTML.
 */
type Attributes = { [name: string]: string | boolean | undefined };
type Child = Node | string | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child !== undefined && child !== false) element.append(child);
  return element;
}

/** Help text from a schema description: `code` spans become code elements, the rest text. */
export function richText(text: string): Node[] {
  return text.split(/(`[^`]+`)/).map((part) => {
    if (part.length > 2 && part.startsWith('`') && part.endsWith('`')) {
      const code = document.createElement('code');
      code.textContent = part.slice(1, -1);
      return code;
    }
    return document.createTextNode(part);
  });
}

/** An element id for a field's JSON pointer (`/people/0/orcid` → `f-people-0-orcid`). */
export function fieldId(pointer: string, suffix = ''): string {
  const base = `f${pointer.replace(/[^A-Za-z0-9_-]/g, (char) => (char === '/' ? '-' : '_'))}`;
  return suffix ? `${base}-${suffix}` : base;
}

export function toPointer(path: ReadonlyArray<string | number>): string {
  return path
    .map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`)
    .join('');
}

/** "People" → "person", "Keywords" → "keyword": how one item of a list is named. */
export function singular(title: string): string {
  const lower = title.charAt(0).toLowerCase() + title.slice(1);
  const rules: Array<[RegExp, string]> = [
    [/people$/i, 'person'],
    [/ies$/, 'y'],
    [/sses$/, 'ss'],
    [/(x|ch|sh)es$/, '$1'],
    [/([^s])s$/, '$1'],
  ];
  for (const [ending, replacement] of rules)
    if (ending.test(lower)) return lower.replace(ending, replacement);
  return lower;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
