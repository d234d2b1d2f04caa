import { getCollection, getEntry } from 'astro:content';
import { SchemaRegistry } from '../../scripts/lib/schemas/registry.ts';
import type { SchemaDocument } from '../../scripts/lib/schemas/registry.ts';
import { FieldTreeBuilder } from '../../scripts/lib/site/field-tree.ts';
import type { SiteArchive, SiteCollection, SiteRecord, SiteSchema } from '../../scripts/lib/site/types.ts';

/**
 * What pages read: the content collections the one loader filled (content.config.ts), typed, and
 * computed once per build process however many pages ask.
 */
export type ArchiveInfo = Pick<SiteArchive, 'audience' | 'day' | 'config' | 'counts'>;

let records: Promise<SiteRecord[]> | undefined;
let byId: Promise<Map<string, SiteRecord>> | undefined;
let collections: Promise<SiteCollection[]> | undefined;
let schemas: Promise<SiteSchema[]> | undefined;
let archive: Promise<ArchiveInfo> | undefined;
let registry: Promise<SchemaRegistry> | undefined;
let fieldTrees: Promise<FieldTreeBuilder> | undefined;

export function getRecords(): Promise<SiteRecord[]> {
  records ??= getCollection('records').then((entries) =>
    entries.map((entry) => entry.data as unknown as SiteRecord).sort((a, b) => a.id.localeCompare(b.id)),
  );
  return records;
}

export function getRecordMap(): Promise<Map<string, SiteRecord>> {
  byId ??= getRecords().then((all) => new Map(all.map((record) => [record.id, record])));
  return byId;
}

export function getCollections(): Promise<SiteCollection[]> {
  collections ??= getCollection('collections').then((entries) =>
    entries.map((entry) => entry.data as unknown as SiteCollection).sort((a, b) => a.name.localeCompare(b.name)),
  );
  return collections;
}

export function getSchemas(): Promise<SiteSchema[]> {
  schemas ??= getCollection('schemas').then((entries) =>
    entries.map((entry) => entry.data as unknown as SiteSchema).sort((a, b) => a.ref.localeCompare(b.ref)),
  );
  return schemas;
}

export function getArchive(): Promise<ArchiveInfo> {
  archive ??= getEntry('archive', 'archive').then((entry) => {
    if (!entry) throw new Error('The archive entry is missing: the content loader did not run.');
    return entry.data as unknown as ArchiveInfo;
  });
  return archive;
}

export function getRegistry(): Promise<SchemaRegistry> {
  registry ??= getSchemas().then((all) => new SchemaRegistry(all as unknown as SchemaDocument[]));
  return registry;
}

export function getFieldTrees(): Promise<FieldTreeBuilder> {
  fieldTrees ??= getRegistry().then((schemas) => new FieldTreeBuilder(schemas));
  return fieldTrees;
}
