import { SchemaRegistry } from '../../scripts/lib/schemas/registry.ts';
import type { SchemaDocument } from '../../scripts/lib/schemas/registry.ts';
import { FieldTreeBuilder } from '../../scripts/lib/site/field-tree.ts';
import { siteArchive } from '../../scripts/lib/site/site-source.ts';
import type {
  SiteArchive,
  SiteCollection,
  SiteRecord,
  SiteSchema,
} from '../../scripts/lib/site/types.ts';

/**
 * What pages read: the archive as the one loader gave it for this build (site-source.ts), and
 * things computed from it once per build process however many pages ask. Warnings stay out.
 */
export type ArchiveInfo = Pick<SiteArchive, 'audience' | 'day' | 'config' | 'counts'>;

let byId: Promise<Map<string, SiteRecord>> | undefined;
let registry: Promise<SchemaRegistry> | undefined;
let fieldTrees: Promise<FieldTreeBuilder> | undefined;

export async function getRecords(): Promise<SiteRecord[]> {
  return (await siteArchive()).records;
}

export function getRecordMap(): Promise<Map<string, SiteRecord>> {
  byId ??= getRecords().then((all) => new Map(all.map((record) => [record.id, record])));
  return byId;
}

export async function getCollections(): Promise<SiteCollection[]> {
  return (await siteArchive()).collections;
}

export async function getSchemas(): Promise<SiteSchema[]> {
  return (await siteArchive()).schemas;
}

export async function getArchive(): Promise<ArchiveInfo> {
  const { audience, day, config, counts } = await siteArchive();
  return { audience, day, config, counts };
}

export function getRegistry(): Promise<SchemaRegistry> {
  registry ??= getSchemas().then((all) => new SchemaRegistry(all as unknown as SchemaDocument[]));
  return registry;
}

export function getFieldTrees(): Promise<FieldTreeBuilder> {
  fieldTrees ??= getRegistry().then((schemas) => new FieldTreeBuilder(schemas));
  return fieldTrees;
}
