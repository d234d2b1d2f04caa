import { isEmbargoed } from '../records/access.ts';
import type { Affiliation, Person, RecordMetadata } from '../records/types.ts';
import type { ExportContext } from './context.ts';
import { doiUrl } from './context.ts';
import { creditOf } from './credit.ts';
import { licenceInfo } from './licenses.ts';

/**
 * schema.org JSON-LD for the record page (a `Dataset`, as Google Dataset Search and other
 * harvesters read it): name, description, identifiers, creators with ORCID and ROR ids, licence,
 * dates, the papers it supplements, the datasets it is based on, its code and files.
 */
type Node = { [key: string]: unknown };

export function schemaOrgJsonLd(record: RecordMetadata, context: ExportContext): Node {
  const credit = creditOf(record);
  const licence = licenceInfo(record.license ?? context.defaultLicense ?? 'CC-BY-4.0');
  const identifiers = [
    ...(record.doi ? [doiUrl(record.doi)] : []),
    ...(record.concept_doi ? [doiUrl(record.concept_doi)] : []),
    context.pageUrl,
  ];
  const node: Node = {
    '@context': 'https://schema.org/',
    '@type': 'Dataset',
    '@id': record.doi ? doiUrl(record.doi) : context.pageUrl,
    name: record.title.replace(/\s+/g, ' ').trim(),
    description: record.abstract.replace(/\s+/g, ' ').trim(),
    url: context.pageUrl,
    identifier: identifiers,
    version: record.version,
    dateCreated: record.created,
    ...(record.updated ? { dateModified: record.updated } : {}),
    datePublished: context.published,
    inLanguage: 'en',
    license: licence.url,
    isAccessibleForFree: record.access.level === 'public',
    ...(isEmbargoed(record.access, context.today)
      ? { conditionsOfAccess: `Embargoed until ${record.access.embargo_until}` }
      : {}),
    creator: credit.creators.map(person),
    ...(credit.contributors.length
      ? { contributor: credit.contributors.map(({ person: p }) => person(p)) }
      : {}),
    ...(credit.collaboration
      ? { sourceOrganization: { '@type': 'Organization', name: credit.collaboration } }
      : {}),
    publisher: { '@type': 'Organization', name: context.publisher },
    includedInDataCatalog: {
      '@type': 'DataCatalog',
      name: context.archiveName,
      url: context.siteUrl,
    },
    keywords: [...(record.keywords ?? []), ...(record.physics_themes ?? [])],
    ...(record.experiment ? { measurementTechnique: `${record.experiment} detector` } : {}),
    ...(record.collision?.years?.length
      ? { temporalCoverage: yearsRange(record.collision.years) }
      : {}),
  };
  const citations = (record.publications ?? []).flatMap((p): Node[] => {
    const id = p.doi ? doiUrl(p.doi) : p.arxiv ? `https://arxiv.org/abs/${p.arxiv}` : p.url;
    if (!id) return [];
    return [{ '@type': 'ScholarlyArticle', '@id': id, ...(p.title ? { name: p.title } : {}) }];
  });
  if (citations.length) node.citation = citations;
  const basedOn = [
    ...(record.datasets ?? []).map((d): Node => ({
      '@type': 'Dataset',
      name: d.title,
      ...(d.doi ? { '@id': doiUrl(d.doi), identifier: doiUrl(d.doi) } : {}),
      ...(d.uri
        ? { url: d.uri }
        : d.opendata_recid
          ? { url: `https://opendata.cern.ch/record/${d.opendata_recid}` }
          : {}),
    })),
    ...(record.code ?? []).map((c): Node => ({
      '@type': 'SoftwareSourceCode',
      codeRepository: c.url,
      ...(c.tag ? { version: c.tag } : {}),
      ...(c.license ? { license: licenceInfo(c.license).url } : {}),
    })),
  ];
  if (basedOn.length) node.isBasedOn = basedOn;
  // Only files that go along with the export: every listed file for the CLI (listed files
  // exist), only the files it serves for the site.
  const available = new Set(context.files.map((file) => file.path));
  const files = (record.files ?? []).filter((file) => available.has(file.path));
  if (files.length)
    node.distribution = files.map((file) => ({
      '@type': 'DataDownload',
      name: file.path,
      contentUrl: context.fileUrl(file.path),
      contentSize: `${file.size} B`,
      ...(file.media_type ? { encodingFormat: file.media_type } : {}),
      sha256: file.sha256,
    }));
  return node;
}

function person(p: Person): Node {
  return {
    '@type': 'Person',
    ...(p.orcid ? { '@id': `https://orcid.org/${p.orcid}` } : {}),
    name: p.given_name ? `${p.given_name} ${p.family_name}` : p.family_name,
    ...(p.given_name ? { givenName: p.given_name } : {}),
    familyName: p.family_name,
    ...(p.affiliations?.length ? { affiliation: p.affiliations.map(organisation) } : {}),
  };
}

function organisation(a: Affiliation): Node {
  return {
    '@type': 'Organization',
    ...(a.ror ? { '@id': `https://ror.org/${a.ror}` } : {}),
    name: a.name,
  };
}

function yearsRange(years: string[]): string {
  const sorted = [...years].sort();
  return sorted.length === 1 ? sorted[0]! : `${sorted[0]}/${sorted[sorted.length - 1]}`;
}

/** The JSON-LD as a <script> element's content, safe against `</script>` in any text. */
export function jsonLdScript(node: Node): string {
  return JSON.stringify(node).replace(/</g, '\\u003c');
}
