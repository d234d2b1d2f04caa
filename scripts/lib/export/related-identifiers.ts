import type { CodeRepository, Publication, RecordMetadata } from '../records/types.ts';

/**
 * The works a record points to, in DataCite's terms: the papers it supplements, the datasets it
 * reads, the code it derives from. Zenodo and DataCite metadata (and the site's exports) format
 * this one list in their own spelling, so they never disagree about what a record relates to.
 */
export type RelationType = 'IsSupplementTo' | 'References' | 'IsDerivedFrom' | 'IsVersionOf';
export type RelatedIdentifierType = 'DOI' | 'arXiv' | 'URL';
export type RelatedResourceType =
  | 'JournalArticle'
  | 'Preprint'
  | 'ConferencePaper'
  | 'ConferenceProceeding'
  | 'Report'
  | 'Dissertation'
  | 'Dataset'
  | 'Software'
  | 'Other';

export interface RelatedIdentifier {
  /** Bare DOI, `arXiv:<id>`, or an https URL. */
  identifier: string;
  type: RelatedIdentifierType;
  relation: RelationType;
  resourceTypeGeneral?: RelatedResourceType;
}

const PUBLICATION_TYPES: { [type: string]: RelatedResourceType } = {
  article: 'JournalArticle',
  preprint: 'Preprint',
  'conference-paper': 'ConferencePaper',
  proceedings: 'ConferenceProceeding',
  'physics-note': 'Report',
  'analysis-note': 'Report',
  thesis: 'Dissertation',
};

export interface RelatedContext {
  /** DOIs of other archive records this one names in `related_records` (concept DOIs preferred). */
  relatedRecordDois?: readonly string[];
}

export function relatedIdentifiers(
  record: Pick<RecordMetadata, 'publications' | 'datasets' | 'code' | 'results'>,
  context: RelatedContext = {},
): RelatedIdentifier[] {
  const out: RelatedIdentifier[] = [];
  const seen = new Set<string>();
  const add = (item: RelatedIdentifier) => {
    const key = `${item.relation} ${item.identifier.toLowerCase()}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(item);
  };
  for (const publication of record.publications ?? []) {
    for (const item of publicationIdentifiers(publication)) add(item);
  }
  for (const dataset of record.datasets ?? []) {
    const location = dataset.doi
      ? { identifier: dataset.doi, type: 'DOI' as const }
      : dataset.opendata_recid
        ? {
            identifier: `https://opendata.cern.ch/record/${dataset.opendata_recid}`,
            type: 'URL' as const,
          }
        : dataset.uri?.startsWith('https://')
          ? { identifier: dataset.uri, type: 'URL' as const }
          : undefined; // root:// locations resolve only inside the experiment: not citable
    if (location) add({ ...location, relation: 'References', resourceTypeGeneral: 'Dataset' });
  }
  const hepdata = record.results?.hepdata?.record_url;
  if (hepdata)
    add({
      identifier: hepdata,
      type: 'URL',
      relation: 'References',
      resourceTypeGeneral: 'Dataset',
    });
  for (const repository of record.code ?? []) add(codeIdentifier(repository));
  for (const doi of context.relatedRecordDois ?? [])
    add({ identifier: doi, type: 'DOI', relation: 'References', resourceTypeGeneral: 'Other' });
  return out;
}

function publicationIdentifiers(publication: Publication): RelatedIdentifier[] {
  const resourceTypeGeneral = PUBLICATION_TYPES[publication.type ?? ''] ?? 'Other';
  const base = { relation: 'IsSupplementTo' as const, resourceTypeGeneral };
  const out: RelatedIdentifier[] = [];
  if (publication.doi) out.push({ ...base, identifier: publication.doi, type: 'DOI' });
  if (publication.arxiv)
    out.push({
      ...base,
      identifier: `arXiv:${publication.arxiv}`,
      type: 'arXiv',
      resourceTypeGeneral: 'Preprint',
    });
  if (out.length > 0) return out;
  // Without a DOI or arXiv id, the best landing page still links the paper.
  const url = publication.inspire
    ? `https://inspirehep.net/literature/${publication.inspire}`
    : publication.cds
      ? `https://cds.cern.ch/record/${publication.cds}`
      : publication.url;
  return url ? [{ ...base, identifier: url, type: 'URL' }] : [];
}

/**
 * Code pinned to a commit or tag is what the preserved analysis was derived from, linked at that
 * exact version; an unpinned repository is only referenced.
 */
function codeIdentifier(repository: CodeRepository): RelatedIdentifier {
  const pin = repository.commit ?? repository.tag;
  const base = repository.url.replace(/\/+$/, '').replace(/\.git$/, '');
  if (!pin)
    return {
      identifier: base,
      type: 'URL',
      relation: 'References',
      resourceTypeGeneral: 'Software',
    };
  const host = new URL(base).hostname;
  const tree = host.includes('gitlab') ? `${base}/-/tree/${pin}` : `${base}/tree/${pin}`;
  return {
    identifier: tree,
    type: 'URL',
    relation: 'IsDerivedFrom',
    resourceTypeGeneral: 'Software',
  };
}
