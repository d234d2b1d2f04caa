import type { MintKind } from './plan.ts';
import type { MintedRecord } from './mint-context.ts';
import type { DepositMetadata } from './types.ts';
import type { UploadFile } from './upload-set.ts';

/** What `mint` reports as it goes (for progress output) and at the end. */
export type MintEvent =
  | {
      type: 'plan';
      endpoint: string;
      dryRun: boolean;
      records: number;
      embargoed: number;
      notPublic: number;
      minted: number;
    }
  | {
      type: 'record';
      id: string;
      version: string;
      kind: MintKind;
      embargoed: boolean;
      index: number;
      total: number;
    }
  | { type: 'step'; id: string; message: string }
  | {
      type: 'dry-run';
      id: string;
      kind: MintKind;
      conceptrecid?: string;
      metadata: DepositMetadata;
      files: UploadFile[];
    }
  | { type: 'minted'; result: MintedRecord; file: string }
  | { type: 'failed'; id: string; message: string; details: string[] }
  | { type: 'warning'; message: string };

export interface MintReport {
  dryRun: boolean;
  minted: MintedRecord[];
  failed: Array<{ id: string; message: string; details: string[] }>;
  /** Records a dry run would send. */
  wouldMint: number;
  notPublic: number;
  alreadyMinted: number;
}
