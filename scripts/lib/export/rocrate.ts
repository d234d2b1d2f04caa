import type { Person, RecordMetadata } from '../records/types.ts';
import type { ExportContext } from './context.ts';
import { doiUrl } from './context.ts';
import { creditOf } from './credit.ts';
import { licenceInfo } from './licenses.ts';

/**
 * ro-crate-metadata.json (RO-Crate 1.1) with the record folder as the crate: the metadata
 * descriptor, the root dataset (name, description, datePublished, licence, identifier, authors),
 * one data entity per file with its size and checksum, people and organisations as contextual
 * entities, and the REANA workflow, when there is one, as the crate's main ComputationalWorkflow.
 */
export const RO_CRATE_VERSION = '1.1';
export const RO_CRATE_METADATA = 'ro-crate-metadata.json';

type Entity = { '@id': string; '@type': string | string[]; [key: string]: unknown };

export function roCrate(
  record: RecordMetadata,
  context: ExportContext,
): { '@context': string; '@graph': Entity[] } {
  const credit = creditOf(record);
  const licence = licenceInfo(record.license ?? context.defaultLicense ?? 'CC-BY-4.0');
  const contextual = new Map<string, Entity>();
  const ref = (entity: Entity) => {
    if (!contextual.has(entity['@id'])) contextual.set(entity['@id'], entity);
    return { '@id': entity['@id'] };
  };
  const personRef = (p: Person) => {
    const affiliations = (p.affiliations ?? []).map((a) =>
      ref({
        '@id': a.ror ? `https://ror.org/${a.ror}` : `#organization-${slug(a.name)}`,
        '@type': 'Organization',
        name: a.name,
      }),
    );
    return ref({
      '@id': p.orcid
        ? `https://orcid.org/${p.orcid}`
        : `#person-${slug(`${p.given_name ?? ''} ${p.family_name}`)}`,
      '@type': 'Person',
      name: p.given_name ? `${p.given_name} ${p.family_name}` : p.family_name,
      ...(p.given_name ? { givenName: p.given_name } : {}),
      familyName: p.family_name,
      ...(affiliations.length ? { affiliation: affiliations } : {}),
    });
  };
  const workflowFile = record.workflow?.engine === 'reana' ? record.workflow.file : undefined;
  const files = context.files
    .filter((file) => file.path !== RO_CRATE_METADATA)
    .map((file): Entity => {
      const listed = record.files?.find((f) => f.path === file.path);
      const isWorkflow = file.path === workflowFile;
      return {
        '@id': encodePath(file.path),
        '@type': isWorkflow ? ['File', 'SoftwareSourceCode', 'ComputationalWorkflow'] : 'File',
        name: file.path.split('/').pop() ?? file.path,
        contentSize: String(file.size),
        ...(file.sha256 ? { sha256: file.sha256 } : {}),
        ...(listed?.media_type ? { encodingFormat: listed.media_type } : mediaType(file.path)),
        ...(listed?.description ? { description: listed.description } : {}),
        ...(isWorkflow
          ? {
              programmingLanguage: ref({
                '@id': '#reana',
                '@type': 'ComputerLanguage',
                name: 'REANA',
                url: 'https://reanahub.io/',
              }),
            }
          : {}),
      };
    });
  const root: Entity = {
    '@id': './',
    '@type': 'Dataset',
    name: record.title.replace(/\s+/g, ' ').trim(),
    description: record.abstract.replace(/\s+/g, ' ').trim(),
    datePublished: context.published,
    dateCreated: record.created,
    ...(record.updated ? { dateModified: record.updated } : {}),
    version: record.version,
    license: ref({
      '@id': licence.url,
      '@type': 'CreativeWork',
      name: licence.name,
      identifier: licence.id,
    }),
    identifier: [...(record.doi ? [doiUrl(record.doi)] : []), context.pageUrl],
    url: context.pageUrl,
    author: credit.creators.map(personRef),
    ...(credit.contributors.length
      ? { contributor: credit.contributors.map(({ person }) => personRef(person)) }
      : {}),
    publisher: ref({ '@id': context.siteUrl, '@type': 'Organization', name: context.publisher }),
    ...(record.keywords?.length ? { keywords: record.keywords.join(', ') } : {}),
    ...(workflowFile ? { mainEntity: { '@id': encodePath(workflowFile) } } : {}),
    hasPart: files.map((file) => ({ '@id': file['@id'] })),
  };
  const descriptor: Entity = {
    '@id': RO_CRATE_METADATA,
    '@type': 'CreativeWork',
    conformsTo: { '@id': `https://w3id.org/ro/crate/${RO_CRATE_VERSION}` },
    about: { '@id': './' },
  };
  return {
    '@context': `https://w3id.org/ro/crate/${RO_CRATE_VERSION}/context`,
    '@graph': [descriptor, root, ...files, ...contextual.values()],
  };
}

function slug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Data entity ids are relative URIs: each path segment percent-encoded. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

const MEDIA_TYPES: { [extension: string]: string } = {
  yaml: 'application/yaml',
  yml: 'application/yaml',
  json: 'application/json',
  md: 'text/markdown',
  txt: 'text/plain',
  csv: 'text/csv',
  svg: 'image/svg+xml',
  png: 'image/png',
  pdf: 'application/pdf',
  ipynb: 'application/x-ipynb+json',
  c: 'text/x-c',
  py: 'text/x-python',
  root: 'application/x-root',
};

function mediaType(path: string): { encodingFormat?: string } {
  const extension = path.split('.').pop()?.toLowerCase() ?? '';
  const type = MEDIA_TYPES[extension];
  return type ? { encodingFormat: type } : {};
}
