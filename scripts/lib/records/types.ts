import type { MetadataFile } from './source.ts';

/** Who may see a record: everyone, the collaboration, or a named few (never built into a site). */
export type AccessLevel = 'public' | 'collaboration' | 'restricted';

export interface Access {
  level: AccessLevel;
  /** YYYY-MM-DD: a public record stays hidden until this day. */
  embargo_until?: string;
  groups?: string[];
}

export interface Affiliation {
  name: string;
  ror?: string;
}

export interface Person {
  given_name?: string;
  family_name: string;
  orcid?: string;
  affiliations?: Affiliation[];
  email?: string;
  roles?: string[];
}

export interface Publication {
  type?: string;
  title?: string;
  doi?: string;
  arxiv?: string;
  inspire?: string;
  cds?: string;
  report_number?: string;
  journal?: string;
  year?: number;
  url?: string;
}

export interface Dataset {
  title: string;
  kind?: string;
  doi?: string;
  uri?: string;
  opendata_recid?: string;
  format?: string;
  size?: number;
  events?: number;
  checksum?: { algorithm: string; value: string };
  run_periods?: string[];
  description?: string;
}

export interface CodeRepository {
  url: string;
  tag?: string;
  commit?: string;
  path?: string;
  description?: string;
  license?: string;
}

export interface ContainerImage {
  image: string;
  tag?: string;
  digest?: string;
  description?: string;
}

export interface Workflow {
  engine?: string;
  file?: string;
  description?: string;
  commands?: string[];
}

export interface Figure {
  file: string;
  caption: string;
  label?: string;
}

export interface Results {
  summary?: string;
  hepdata?: { path?: string; record_url?: string; inspire?: string };
  figures?: Figure[];
}

export interface PreservedFile {
  path: string;
  size: number;
  sha256: string;
  description?: string;
  kind?: string;
  media_type?: string;
}

export interface Collision {
  system?: string;
  sqrt_s_tev?: number;
  integrated_luminosity?: { value: number; unit: string };
  run_periods?: string[];
  years?: string[];
}

export interface ZenodoState {
  deposition_id?: number;
  concept_recid?: string;
  version?: string;
}

/** A record's metadata as its schema describes it; trustworthy once the record validates. */
export interface RecordMetadata {
  $schema: string;
  title: string;
  abstract: string;
  version: string;
  status?: string;
  created: string;
  updated?: string;
  experiment: string;
  collaboration?: string;
  access: Access;
  people: Person[];
  keywords?: string[];
  physics_themes?: string[];
  final_states?: string[];
  collision?: Collision;
  publications?: Publication[];
  datasets?: Dataset[];
  code?: CodeRepository[];
  containers?: ContainerImage[];
  workflow?: Workflow;
  results?: Results;
  files?: PreservedFile[];
  links?: Array<{ title?: string; url: string }>;
  license?: string;
  related_records?: string[];
  doi?: string;
  concept_doi?: string;
  zenodo?: ZenodoState;
  cms?: { [key: string]: unknown };
  atlas?: { [key: string]: unknown };
  lhcb?: { [key: string]: unknown };
  alice?: { [key: string]: unknown };
}

/** Parsed YAML before validation: a mapping of unknown values. */
export type UnknownMap = { readonly [key: string]: unknown };

/** A file found on disk inside a record folder. */
export interface FileOnDisk {
  /** Path relative to the record folder, with `/`. */
  path: string;
  size: number;
}

export interface ArchiveRecord {
  /** `<collection>/<slug>`: the record's folder under content/. */
  id: string;
  collection: string;
  slug: string;
  /** The record folder, relative to the archive root. */
  dir: string;
  metadataFile: MetadataFile;
  format: 'yaml' | 'markdown';
  data: UnknownMap;
  /** Markdown documentation: record.md's body. */
  body?: string;
  /** Every regular file in the record folder (record.yaml, README.md, files/..., hepdata/...). */
  files: FileOnDisk[];
}

/** A record that passed validation, with its metadata typed. */
export interface ValidRecord extends ArchiveRecord {
  metadata: RecordMetadata;
}

export interface CollectionConfig {
  title: string;
  description?: string;
  experiment?: string;
  schemas: string[];
  default_schema: string;
  reviewers?: string[];
  default_access?: AccessLevel;
  zenodo?: { communities?: string[] };
}

export interface Collection {
  name: string;
  dir: string;
  metadataFile: MetadataFile;
  data: UnknownMap;
}

export interface ArchiveConfig {
  name: string;
  description?: string;
  site_url: string;
  internal_site_url?: string;
  forge?: { type: 'github' | 'gitlab'; url?: string; repository: string; default_branch?: string };
  public_repository: boolean;
  publisher?: string;
  /** Where to write about the archive (OAI-PMH adminEmail); schema archive/1.1.0. */
  contact_email?: string;
  default_license?: string;
  /** The OAI Static Repository Gateway that intermediates oai/static-repository.xml. */
  oai_gateway_url?: string;
  zenodo?: { community?: string; sandbox?: boolean };
}
