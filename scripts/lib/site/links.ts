/**
 * Links made from contributor data. Every href the site builds from a record goes through
 * `safeHref`: only http(s), mailto and root:// URLs leave it, anything else (javascript:, data:,
 * vbscript:, protocol-relative or malformed URLs) becomes undefined and is rendered as text.
 */
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'root:']);

export function safeHref(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  // Control characters and whitespace inside a URL are how scheme filters get fooled.
  if (/[\u0000-\u0020\u007f-\u009f]/.test(trimmed)) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return undefined;
  if (url.username || url.password) return undefined;
  return trimmed;
}

/** Resolver URLs of the identifier kinds records carry (the schemas' `format`s). */
export function identifierUrl(format: string, value: string): string | undefined {
  const id = encodeURIComponent(value).replace(/%2F/g, '/');
  switch (format) {
    case 'doi':
      return `https://doi.org/${id}`;
    case 'orcid':
      return `https://orcid.org/${id}`;
    case 'ror':
      return `https://ror.org/${id}`;
    case 'arxiv':
      return `https://arxiv.org/abs/${id}`;
    case 'inspire':
      return `https://inspirehep.net/literature/${id}`;
    case 'cds':
      return `https://cds.cern.ch/record/${id}`;
    case 'opendata':
      return `https://opendata.cern.ch/record/${id}`;
    case 'https-url':
    case 'dataset-uri':
    case 'uri':
      return safeHref(value);
    case 'email':
      return /^[^\s@<>"]+@[^\s@<>"]+$/.test(value) ? `mailto:${value}` : undefined;
    default:
      return undefined;
  }
}

/**
 * A link to a code repository at a tag or commit, for the forges records point to (GitHub,
 * GitLab and CERN's GitLab, Bitbucket); other hosts get the repository URL itself.
 */
export function repositoryRefUrl(
  repository: string,
  ref: { tag?: string; commit?: string },
): { tag?: string; commit?: string } {
  const base = safeHref(repository)
    ?.replace(/\.git$/, '')
    .replace(/\/$/, '');
  if (!base) return {};
  const host = new URL(base).hostname;
  const kind =
    host === 'github.com'
      ? 'github'
      : host.includes('gitlab')
        ? 'gitlab'
        : host === 'bitbucket.org'
          ? 'bitbucket'
          : undefined;
  const at = (value: string, what: 'tag' | 'commit'): string | undefined => {
    const part = encodeURIComponent(value);
    if (kind === 'github') return `${base}/${what === 'tag' ? 'releases/tag' : 'commit'}/${part}`;
    if (kind === 'gitlab') return `${base}/-/${what === 'tag' ? 'tags' : 'commit'}/${part}`;
    if (kind === 'bitbucket') return `${base}/${what === 'tag' ? 'src' : 'commits'}/${part}`;
    return undefined;
  };
  const out: { tag?: string; commit?: string } = {};
  const tag = ref.tag ? at(ref.tag, 'tag') : undefined;
  const commit = ref.commit ? at(ref.commit, 'commit') : undefined;
  if (tag) out.tag = tag;
  if (commit) out.commit = commit;
  return out;
}
