import { versionDate } from '../export/context.ts';
import {
  METADATA_FORMATS,
  oaiGetRecord,
  oaiIdentify,
  oaiIdentifier,
  oaiListIdentifiers,
  oaiListMetadataFormats,
  oaiListRecords,
  oaiListSets,
} from '../export/oai.ts';
import type { MetadataPrefix, OaiItem, OaiPage, OaiRepository } from '../export/oai.ts';
import {
  STATIC_REPOSITORY_LIMIT,
  oaiStaticRepository,
  staticRepositoryBaseUrl,
} from '../export/oai-static.ts';
import { isVisibleTo } from '../records/access.ts';
import type { ArchiveConfig, RecordMetadata } from '../records/types.ts';
import type { SiteCollection } from './types.ts';

/**
 * The site's OAI-PMH repository as static files. A static host cannot read a query string, so
 * every answer the repository can give is a file: `oai/<verb>.xml`, the lists per metadata
 * format (`oai/ListRecords/<prefix>.xml`), their further pages at `oai/<verb>/<token>.xml` (a
 * resumption token names its page's file), one GetRecord per record and format, and an OAI
 * Static Repository (`oai/static-repository.xml`) for a Static Repository Gateway.
 *
 * Only records the public may read are harvestable, on every build: the internal site's
 * collaboration records never go to harvesters, who pass metadata on.
 */
export const OAI_DIR = 'oai';
export const OAI_PAGE_SIZE = 500;
export const STATIC_REPOSITORY_FILE = `${OAI_DIR}/static-repository.xml`;

/** Whether a record goes into the OAI-PMH repository: public, and its embargo over. */
export function isHarvestable(metadata: RecordMetadata, day: string): boolean {
  return isVisibleTo(metadata.access, 'public', day);
}

/** The site path of a record's GetRecord response in a metadata format. */
export function getRecordPath(prefix: MetadataPrefix, recordId: string): string {
  return `${OAI_DIR}/GetRecord/${prefix}/${recordId}.xml`;
}

/** An OAI item that knows its record, for the GetRecord file's path. */
export type SiteOaiItem = OaiItem & { recordId: string };

export function oaiItem(
  siteUrl: string,
  record: { id: string; collection: string; metadata: RecordMetadata },
  metadata: OaiItem['metadata'],
): SiteOaiItem {
  return {
    recordId: record.id,
    identifier: oaiIdentifier(siteUrl, record.id),
    datestamp: versionDate(record.metadata),
    set: record.collection,
    metadata,
  };
}

/**
 * The files, made one at a time as they are iterated: a large archive's lists and GetRecord
 * responses together are hundreds of megabytes, never all in memory at once.
 */
export type OaiFiles =
  | { ok: true; files: Iterable<{ file: string; text: string }>; staticRepository: boolean }
  | { ok: false; reason: string };

export function oaiRepositoryFiles(options: {
  config: Pick<ArchiveConfig, 'name' | 'contact_email' | 'oai_gateway_url'>;
  siteUrl: string;
  collections: readonly SiteCollection[];
  /** Harvestable records' items, in a stable order. */
  items: readonly SiteOaiItem[];
  /** The build's day: the responses' date, so a rebuild gives the same files. */
  day: string;
  pageSize?: number;
}): OaiFiles {
  const { config, siteUrl, items, day } = options;
  if (!config.contact_email)
    return {
      ok: false,
      reason:
        'OAI-PMH needs an administrator address: set contact_email in content/archive.yaml (schema archive/1.1.0).',
    };
  const pageSize = options.pageSize ?? OAI_PAGE_SIZE;
  const responseDate = `${day}T00:00:00Z`;
  const datestamps = items.map((item) => item.datestamp).sort();
  const repository: OaiRepository = {
    name: config.name,
    baseUrl: `${siteUrl}${OAI_DIR}/`,
    adminEmail: config.contact_email,
    earliestDatestamp: datestamps[0] ?? day,
    sets: options.collections.map((c) => ({ spec: c.name, name: c.title })),
    sampleRecordId: options.items[0]?.recordId ?? 'collection/slug',
  };
  const staticRepository = items.length <= STATIC_REPOSITORY_LIMIT;
  function* files(): Generator<{ file: string; text: string }> {
    const file = (name: string, text: string) => ({ file: `${OAI_DIR}/${name}`, text });
    yield file('Identify.xml', oaiIdentify(repository, responseDate));
    yield file('ListMetadataFormats.xml', oaiListMetadataFormats(repository, responseDate));
    yield file('ListSets.xml', oaiListSets(repository, responseDate));
    for (const { prefix } of METADATA_FORMATS) {
      for (const [verb, list] of [
        ['ListRecords', oaiListRecords],
        ['ListIdentifiers', oaiListIdentifiers],
      ] as const)
        for (const { file: name, page, slice } of pages(prefix, items, pageSize))
          yield file(`${verb}/${name}`, list(repository, slice, prefix, responseDate, page));
      for (const item of items)
        yield {
          file: getRecordPath(prefix, item.recordId),
          text: oaiGetRecord(repository, item, prefix, responseDate),
        };
    }
    if (staticRepository) {
      const url = `${siteUrl}${STATIC_REPOSITORY_FILE}`;
      yield file(
        'static-repository.xml',
        oaiStaticRepository(
          { ...repository, baseUrl: staticRepositoryBaseUrl(url, config.oai_gateway_url) },
          items,
        ),
      );
    }
  }
  return { ok: true, files: files(), staticRepository };
}

/**
 * A list in pages: `<prefix>.xml` first, then `<prefix>/<n>.xml`, whose token is `<prefix>/<n>`
 * (the file's path under the verb's folder, without `.xml`). One page: no token at all.
 */
function pages(
  prefix: MetadataPrefix,
  items: readonly OaiItem[],
  size: number,
): Array<{ file: string; page?: OaiPage; slice: readonly OaiItem[] }> {
  if (items.length <= size) return [{ file: `${prefix}.xml`, slice: items }];
  const count = Math.ceil(items.length / size);
  const token = (n: number) => `${prefix}/${n}`;
  return Array.from({ length: count }, (_, index) => {
    const n = index + 1;
    const page: OaiPage = { cursor: index * size, completeListSize: items.length };
    if (n > 1) page.requestToken = token(n);
    if (n < count) page.nextToken = token(n + 1);
    return {
      file: n === 1 ? `${prefix}.xml` : `${token(n)}.xml`,
      page,
      slice: items.slice(index * size, n * size),
    };
  });
}
