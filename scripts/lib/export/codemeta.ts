import type { Person, RecordMetadata } from '../records/types.ts';
import type { ExportContext } from './context.ts';
import { doiUrl } from './context.ts';
import { creditOf } from './credit.ts';
import { licenceInfo } from './licenses.ts';

/**
 * CodeMeta 3.0 (codemeta.json) for the analysis code a record preserves: the repository pinned
 * to its tag, the creators, the container images it runs in as requirements, the record's DOI
 * and page. For software registries and Software Heritage.
 */
type Node = { [key: string]: unknown };

export function codemeta(record: RecordMetadata, context: ExportContext): Node {
  const credit = creditOf(record);
  const code = record.code?.[0];
  const licence = licenceInfo(
    code?.license ?? record.license ?? context.defaultLicense ?? 'CC-BY-4.0',
  );
  return {
    '@context': 'https://w3id.org/codemeta/3.0',
    '@type': 'SoftwareSourceCode',
    ...(record.doi ? { '@id': doiUrl(record.doi), identifier: doiUrl(record.doi) } : {}),
    name: record.title.replace(/\s+/g, ' ').trim(),
    description: record.abstract.replace(/\s+/g, ' ').trim(),
    ...(code ? { codeRepository: code.url } : {}),
    version: code?.tag ?? record.version,
    dateCreated: record.created,
    ...(record.updated ? { dateModified: record.updated } : {}),
    datePublished: context.published,
    license: `https://spdx.org/licenses/${licence.id}`,
    author: credit.creators.map(person),
    ...(credit.contributors.length
      ? { contributor: credit.contributors.map(({ person: p }) => person(p)) }
      : {}),
    ...(record.keywords?.length ? { keywords: record.keywords } : {}),
    ...(record.containers?.length
      ? {
          softwareRequirements: record.containers.map((c) =>
            c.digest ? `${c.image}@${c.digest}` : c.tag ? `${c.image}:${c.tag}` : c.image,
          ),
        }
      : {}),
    relatedLink: [context.pageUrl, ...(record.code ?? []).slice(1).map((c) => c.url)],
    ...(record.publications?.some((p) => p.doi)
      ? {
          referencePublication: record.publications
            .filter((p) => p.doi)
            .map((p) => doiUrl(p.doi as string)),
        }
      : {}),
  };
}

function person(p: Person): Node {
  return {
    '@type': 'Person',
    ...(p.orcid ? { '@id': `https://orcid.org/${p.orcid}` } : {}),
    ...(p.given_name ? { givenName: p.given_name } : {}),
    familyName: p.family_name,
    ...(p.affiliations?.[0]
      ? { affiliation: { '@type': 'Organization', name: p.affiliations[0].name } }
      : {}),
  };
}
