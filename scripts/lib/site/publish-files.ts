/**
 * Which preserved files the site serves. A file served from the site's own origin and opened
 * directly runs as a page of the site, outside the pages' Content-Security-Policy: HTML does, and
 * so does SVG with scripts, event handlers or embedded HTML. Those are withheld (the record page
 * lists them with their checksum and says why); everything else is served as it is.
 */
const MARKUP_EXTENSIONS = /\.(html?|xhtml|xht|mht|mhtml|shtml)$/i;
const SVG_EXTENSION = /\.svgz?$/i;

/** Why a file must not be served, or undefined when it may be. */
export async function withholdReason(
  path: string,
  bytes: () => Promise<Uint8Array>,
): Promise<string | undefined> {
  if (MARKUP_EXTENSIONS.test(path))
    return 'HTML is not served from the archive site; download it from the repository.';
  if (/\.svgz$/i.test(path)) return 'Compressed SVG cannot be checked for active content.';
  if (SVG_EXTENSION.test(path) && !isInertSvg(Buffer.from(await bytes()).toString('utf8')))
    return 'This SVG holds scripts, event handlers, links or embedded content; it is not served.';
  return undefined;
}

/**
 * Whether an SVG document is inert: no script elements, no event-handler attributes, no
 * `javascript:` or external references, no embedded HTML (foreignObject), no entity tricks.
 * Deliberately strict: plots written by ROOT, matplotlib and friends pass; anything clever fails.
 */
export function isInertSvg(source: string): boolean {
  const lower = source.toLowerCase();
  // A DOCTYPE line is fine (matplotlib writes one); an internal subset can define entities.
  if (/<!entity|<!doctype[^>]*\[|<\?xml-stylesheet/.test(lower)) return false;
  if (/<\s*(script|foreignobject|iframe|embed|object|handler|listener)\b/.test(lower)) return false;
  if (/<[^>]*\son[a-z]+\s*=/.test(lower)) return false;
  const decoded = lower.replace(/&#x?0*(58|3a);?/g, ':');
  if (/=\s*["']?\s*(javascript|vbscript|data)\s*:/.test(decoded)) return false;
  // Any reference to another document (links, external images, other files, imports).
  for (const match of lower.matchAll(/\b(?:xlink:)?href\s*=\s*["']?\s*([^"'\s>]*)/g))
    if (!match[1]?.startsWith('#')) return false;
  for (const match of lower.matchAll(/url\(\s*["']?\s*([^"')\s]*)/g))
    if (!match[1]?.startsWith('#')) return false;
  if (/@import/.test(lower)) return false;
  return true;
}
