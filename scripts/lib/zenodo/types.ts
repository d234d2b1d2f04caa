/**
 * The Zenodo deposit API's shapes as zenodo.org serves them today (the legacy deposition API on
 * InvenioRDM): what Capsule sends and what it reads back. See ../shared/fixtures/zenodo.
 */

/** Deposition metadata as the legacy API accepts it (`{"metadata": ...}`). */
export interface DepositMetadata {
  upload_type: string;
  title: string;
  creators: DepositCreator[];
  description: string;
  access_right: 'open' | 'embargoed';
  embargo_date?: string;
  license: string;
  publication_date: string;
  version: string;
  language?: string;
  keywords?: string[];
  related_identifiers: DepositRelatedIdentifier[];
  contributors?: Array<DepositCreator & { type: string }>;
  communities?: Array<{ identifier: string }>;
}

export interface DepositCreator {
  /** "Family, Given" (one comma) for people; an organisation's name as is. */
  name: string;
  affiliation?: string;
  orcid?: string;
}

export interface DepositRelatedIdentifier {
  identifier: string;
  relation: string;
  scheme?: string;
  resource_type?: string;
}

export type DepositionState = 'unsubmitted' | 'inprogress' | 'done';

/** A file of a deposition as `files[]` lists it: the checksum is a bare md5. */
export interface DepositionFile {
  id: string;
  filename: string;
  filesize: number;
  checksum: string;
}

/** A deposition as `GET /deposit/depositions/:id` returns it, reduced to what Capsule reads. */
export interface Deposition {
  id: number;
  conceptrecid: string;
  state: DepositionState;
  submitted: boolean;
  doi?: string;
  conceptdoi?: string;
  title: string;
  /** The metadata as stored; Capsule reads `version` and `related_identifiers` from it. */
  metadata: { [key: string]: unknown };
  files: DepositionFile[];
  links: { bucket?: string; self?: string; html?: string; [name: string]: string | undefined };
}

/** An object in a deposition's bucket, as a bucket PUT returns it (`checksum` is `md5:<hex>`). */
export interface BucketObject {
  key: string;
  size: number;
  checksum: string;
}
