import type { RecordMetadata } from '../records/types.ts';

/**
 * How records are found. A search index splits `10.1016/j.physletb.2018.02.004` into words, so a
 * DOI search would match every record with "10" or "2018" in it. Each identifier a record carries
 * is therefore also indexed as ONE token (`idtoken(...)`), and a query that looks like an
 * identifier is turned into the same token before it is searched. Browser-safe: the search page
 * imports this file too, so both sides normalise identically.
 */
export interface RecordIdentifier {
  kind: string;
  label: string;
  value: string;
}

const TOKEN_PREFIX = 'capsuleid';
/** Ends every token, so no token is a prefix of another (the index matches prefixes). */
const TOKEN_END = 'z';

export function identifierToken(value: string): string {
  return `${TOKEN_PREFIX}${normaliseIdentifier(value)}${TOKEN_END}`;
}

/** Lowercase letters and digits only; resolver prefixes and arXiv versions dropped. */
export function normaliseIdentifier(value: string): string {
  return value
    .trim()
    .replace(/^(doi:\s*|https?:\/\/(dx\.)?doi\.org\/)/i, '')
    .replace(/^(arxiv:\s*|https?:\/\/(www\.)?arxiv\.org\/(abs|pdf)\/)/i, '')
    .replace(/^(\d{4}\.\d{4,5}|[a-z-]+(\.[a-z]{2})?\/\d{7})v\d+$/i, '$1')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const IDENTIFIER_SHAPES: readonly RegExp[] = [
  /^(doi:\s*|https?:\/\/(dx\.)?doi\.org\/)?10\.\d{4,9}(\.\d+)*\/\S+$/i, // DOI
  /^(arxiv:\s*|https?:\/\/(www\.)?arxiv\.org\/(abs|pdf)\/)?\d{4}\.\d{4,5}(v\d+)?$/i, // arXiv
  /^(arxiv:\s*)?[a-z]+(-[a-z]+)*(\.[a-z]{2})?\/\d{7}(v\d+)?$/i, // arXiv, old style
  /^([a-z]+-)?[a-z0-9]{3}-\d{2}-\d{3}$/i, // CMS CADI line or report number (HIG-16-043)
  /^[a-z]+-[a-z]+-\d{4}-\d{2,5}$/i, // ATLAS / LHCb references (ANA-HIGG-2016-01, LHCb-PAPER-2021-004)
  /^[a-z]+-\d{4}-\d{2,3}$/i, // ATLAS paper reference (HIGG-2016-21)
  /^\d{5,9}$/, // INSPIRE, CDS, Open Data and Glance record numbers
];

/** The token to search for when a query is an identifier, else undefined (search the words). */
export function queryIdentifierToken(query: string): string | undefined {
  const trimmed = query.trim();
  if (!IDENTIFIER_SHAPES.some((shape) => shape.test(trimmed))) return undefined;
  return identifierToken(trimmed);
}

/** Every identifier a record carries: its own DOIs, its publications', datasets', experiment ids. */
export function recordIdentifiers(metadata: RecordMetadata): RecordIdentifier[] {
  const found: RecordIdentifier[] = [];
  const add = (kind: string, label: string, value: unknown) => {
    if (typeof value === 'string' && value.trim()) found.push({ kind, label, value });
  };
  add('doi', 'DOI', metadata.doi);
  add('doi', 'Concept DOI', metadata.concept_doi);
  for (const publication of metadata.publications ?? []) {
    add('doi', 'DOI', publication.doi);
    add('arxiv', 'arXiv', publication.arxiv);
    add('inspire', 'INSPIRE', publication.inspire);
    add('cds', 'CDS', publication.cds);
    add('report', 'Report number', publication.report_number);
  }
  for (const dataset of metadata.datasets ?? []) {
    add('doi', 'Dataset DOI', dataset.doi);
    add('opendata', 'CERN Open Data record', dataset.opendata_recid);
  }
  add('cadi', 'CADI', metadata.cms?.cadi_id);
  add('report', 'Analysis reference', metadata.atlas?.analysis_reference);
  add('report', 'Paper reference', metadata.atlas?.paper_reference);
  add('glance', 'Glance id', metadata.atlas?.glance_id);
  add('report', 'Analysis note', metadata.lhcb?.ana_id);
  add('report', 'Paper number', metadata.lhcb?.paper_id);
  const seen = new Set<string>();
  return found.filter((identifier) => {
    const key = `${identifier.kind}:${identifier.value.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The tokens a record page indexes for its identifiers (also a CADI line's report number form). */
export function identifierTokens(metadata: RecordMetadata): string[] {
  const tokens = new Set<string>();
  for (const identifier of recordIdentifiers(metadata)) {
    tokens.add(identifierToken(identifier.value));
    if (identifier.kind === 'cadi') tokens.add(identifierToken(`CMS-${identifier.value}`));
  }
  return [...tokens];
}

/** Strips index tokens from a search excerpt shown to people. */
export function withoutIdentifierTokens(text: string): string {
  return text
    .replace(new RegExp(`\\b${TOKEN_PREFIX}[a-z0-9]*${TOKEN_END}\\b`, 'gi'), '')
    .replace(/\s{2,}/g, ' ');
}
