import type { FieldTreeBuilder } from '../../../scripts/lib/site/field-tree.ts';
import type { SiteCollection, SiteRecord } from '../../../scripts/lib/site/types.ts';

/** What every record-page section receives. */
export interface RecordPageContext {
  record: SiteRecord;
  collection: SiteCollection | undefined;
  /** Related records this audience can see (ids of others were removed by the loader). */
  related: SiteRecord[];
  audience: 'public' | 'internal';
  /** The build's day (YYYY-MM-DD), for embargo badges. */
  day: string;
  /** The record page's absolute URL. */
  pageUrl: string;
  publisher: string;
  fieldTrees: FieldTreeBuilder;
  /** The site publishes an OAI-PMH repository (the archive names a contact address). */
  oai: boolean;
}
