import type { ValidRecord } from '../records/types.ts';
import type { SchemaRegistry } from '../schemas/registry.ts';
import type { ZenodoClient } from './client.ts';
import type { MintJournal } from './journal.ts';
import type { DepositMetadata } from './types.ts';
import type { UploadFile } from './upload-set.ts';

/**
 * What minting one record version works with: the record and what it sends, the client, the
 * journal, and the step boundaries a run passes (where tests stop it).
 */
export const MINT_STEPS = [
  'draft-requested',
  'draft-created',
  'draft-recorded',
  'metadata-sent',
  'file-uploaded',
  'files-done',
  'publish-requested',
  'published',
  'publish-recorded',
  'written-back',
] as const;
export type MintStep = (typeof MINT_STEPS)[number];

export interface MintItem {
  record: ValidRecord;
  version: string;
  metadata: DepositMetadata;
  files: UploadFile[];
  pageUrl: string;
  /** The concept the record's `zenodo` block names: this version is a new version of it. */
  conceptrecid?: string;
  latestKnownId?: number;
}

export interface MintContext {
  root: string;
  client: ZenodoClient;
  journal: MintJournal;
  registry: SchemaRegistry;
  /** Called at each step boundary (tests stop the process there). */
  checkpoint?: (step: MintStep, recordId: string) => void | Promise<void>;
  report: (message: string) => void;
  wait: (ms: number) => Promise<void>;
}

export interface MintedRecord {
  id: string;
  doi: string;
  conceptDoi: string;
  depositionId: number;
  conceptRecid: string;
  /** Found already published on Zenodo (an earlier run died before writing it back). */
  adopted: boolean;
}
