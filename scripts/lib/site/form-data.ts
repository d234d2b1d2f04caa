import type { ForgeConfig } from '../form/forge-links.ts';
import { formSuggestions } from '../form/suggestions.ts';
import type { FormSuggestions } from '../form/suggestions.ts';
import type { Audience } from '../records/access.ts';
import type { AccessLevel, ArchiveConfig } from '../records/types.ts';
import { parseSchemaRef } from '../schemas/ids.ts';
import type { SiteCollection, SiteRecord, SiteSchema } from './types.ts';

/**
 * What the submission form (/submit/) loads: the collections with their schemas, every schema
 * document (the form walks them for labels, help and key order), the forge to open pull requests
 * on, and the suggestions. Everything comes from what the loader gave this build, so the public
 * site's form knows nothing of records the public cannot see.
 */
export interface FormData {
  audience: Audience;
  day: string;
  forge: ForgeConfig | null;
  /** The repository is public: records must be public (validation refuses others). */
  publicRepository: boolean;
  collections: FormCollection[];
  schemas: Array<Pick<SiteSchema, 'ref' | 'id' | 'json'>>;
  /** Ids of the records this site shows (a new record's id must differ). */
  records: string[];
  suggestions: FormSuggestions;
}

export interface FormCollection {
  name: string;
  title: string;
  experiment?: string;
  /** The schema a new record starts with (`name/x.y.z`). */
  schema: string;
  defaultAccess: AccessLevel;
}

export function formData(site: {
  audience: Audience;
  day: string;
  config: ArchiveConfig;
  collections: readonly SiteCollection[];
  records: readonly SiteRecord[];
  schemas: readonly SiteSchema[];
}): FormData {
  const forge = site.config.forge;
  return {
    audience: site.audience,
    day: site.day,
    forge: forge
      ? {
          type: forge.type,
          url: forge.url ?? (forge.type === 'github' ? 'https://github.com' : 'https://gitlab.com'),
          repository: forge.repository,
          ...(forge.default_branch ? { default_branch: forge.default_branch } : {}),
        }
      : null,
    publicRepository: site.config.public_repository,
    collections: site.collections
      .filter((collection) => parseSchemaRef(collection.defaultSchema))
      .map((collection) => ({
        name: collection.name,
        title: collection.title,
        ...(collection.experiment ? { experiment: collection.experiment } : {}),
        schema: collection.defaultSchema,
        defaultAccess: collection.defaultAccess ?? 'collaboration',
      })),
    schemas: site.schemas.map(({ ref, id, json }) => ({ ref, id, json })),
    records: site.records.map((record) => record.id),
    suggestions: formSuggestions(site.records),
  };
}
