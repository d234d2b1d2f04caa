/**
 * Every diagnostic code Capsule reports, with what it means. Codes are stable: CI logs, bots and
 * people's notes refer to them. The schema documentation pages list this table.
 */
export const DIAGNOSTIC_CODES = {
  // Reading files
  CAPSULE_FILE_TOO_LARGE: 'A metadata file is larger than the size cap.',
  CAPSULE_FILE_ENCODING: 'A text file is not valid UTF-8.',
  CAPSULE_FILE_BOM: 'A text file starts with a byte-order mark.',
  CAPSULE_FILE_UNREADABLE: 'A file could not be read.',
  CAPSULE_YAML_SYNTAX: 'A file is not valid YAML.',
  CAPSULE_YAML_TOO_DEEP: 'A YAML file is nested deeper than the cap.',
  CAPSULE_YAML_ALIAS: 'A YAML file uses anchors or aliases.',
  CAPSULE_YAML_TAG: 'A YAML file uses explicit tags.',
  CAPSULE_YAML_MERGE_KEY: 'A YAML file uses merge keys (`<<`).',
  CAPSULE_YAML_DUPLICATE_KEY: 'A mapping repeats a key.',
  CAPSULE_YAML_FORBIDDEN_KEY:
    'A key could reach an object prototype (`__proto__`, `constructor`, `prototype`).',
  CAPSULE_YAML_COMPLEX_KEY: 'A mapping key is a collection.',
  CAPSULE_YAML_MULTIPLE_DOCUMENTS: 'A file holds several YAML documents where one is expected.',
  CAPSULE_YAML_NOT_A_MAPPING: 'A metadata file is not a mapping of keys to values.',
  CAPSULE_FRONT_MATTER: 'A record.md has no well-formed YAML front matter.',
  // Layout of the archive
  CAPSULE_ARCHIVE_CONFIG_MISSING: 'content/archive.yaml is missing.',
  CAPSULE_COLLECTION_MISSING: 'A folder holds records but has no collection.yaml.',
  CAPSULE_INVALID_NAME:
    'A collection or record folder name is not lowercase letters, digits and dashes.',
  CAPSULE_SYMLINK: 'A symbolic link was found where only real files and folders are allowed.',
  CAPSULE_RECORD_FILE_CONFLICT: 'A record folder has both record.yaml and record.md.',
  CAPSULE_NESTED_RECORD: 'A record folder sits inside another record folder.',
  CAPSULE_UNEXPECTED_FILE: 'A record folder holds a file Capsule does not know.',
  CAPSULE_PATH_ESCAPE:
    'A path in a record leaves the record folder or is not a plain relative path.',
  // Schemas
  CAPSULE_SCHEMA_FILE: 'A schema file is not valid JSON or not a valid JSON Schema.',
  CAPSULE_SCHEMA_MISSING: 'A record does not say which schema it follows (`$schema`).',
  CAPSULE_SCHEMA_UNKNOWN: 'A record names a schema or version that does not exist.',
  CAPSULE_SCHEMA_NOT_ALLOWED: 'A record uses a schema its collection does not allow.',
  CAPSULE_SCHEMA_REQUIRED: 'A required field is missing.',
  CAPSULE_SCHEMA_UNKNOWN_KEY: 'A key is not part of the schema (often a misspelling).',
  CAPSULE_SCHEMA_TYPE: 'A value has the wrong type.',
  CAPSULE_SCHEMA_ENUM: 'A value is not one of the allowed choices.',
  CAPSULE_SCHEMA_CONST: 'A value differs from the only value allowed.',
  CAPSULE_SCHEMA_PATTERN: 'A value does not have the expected form.',
  CAPSULE_SCHEMA_LENGTH: 'A text or list is too short or too long.',
  CAPSULE_SCHEMA_RANGE: 'A number is outside the allowed range.',
  CAPSULE_SCHEMA_DUPLICATE_ITEM: 'A list holds the same item twice.',
  CAPSULE_SCHEMA_INVALID: 'A value breaks a schema rule.',
  CAPSULE_INVALID_DATE: 'A date is not a real calendar date in YYYY-MM-DD form.',
  CAPSULE_INVALID_EMAIL: 'An email address is malformed.',
  CAPSULE_INVALID_DOI: 'A DOI is malformed.',
  CAPSULE_INVALID_ORCID: 'An ORCID iD is malformed or fails its check digit.',
  CAPSULE_INVALID_ROR: 'A ROR id is malformed or fails its checksum.',
  CAPSULE_INVALID_ARXIV: 'An arXiv id is malformed.',
  CAPSULE_INVALID_INSPIRE: 'An INSPIRE record id is malformed.',
  CAPSULE_INVALID_CDS: 'A CDS record id is malformed.',
  CAPSULE_INVALID_URL: 'A link is malformed or uses a scheme that is not allowed.',
  // Rules across a record and the archive
  CAPSULE_COLLECTION_MISMATCH: 'A record does not belong in the collection folder it is in.',
  CAPSULE_DUPLICATE_ID: 'Two records have ids that differ only in letter case.',
  CAPSULE_DUPLICATE_DOI: 'Two records carry the same DOI.',
  CAPSULE_EMBARGO: 'An embargo is set where it cannot apply.',
  CAPSULE_ACCESS_PUBLIC_REPOSITORY:
    'A non-public record is in an archive whose git repository is public.',
  CAPSULE_FILE_MISSING: 'A file listed in a record does not exist.',
  CAPSULE_FILE_SIZE_MISMATCH: 'A listed file has a different size than the record says.',
  CAPSULE_FILE_CHECKSUM_MISMATCH: 'A listed file has a different sha256 than the record says.',
  CAPSULE_FILE_UNLISTED: 'A file under files/ is not listed in the record.',
  CAPSULE_FILE_LISTED_TWICE: 'A record lists the same file twice.',
  CAPSULE_FIGURE_NOT_LISTED: 'A figure refers to a file the record does not list.',
  CAPSULE_WORKFLOW_FILE_MISSING: 'The workflow file a record names does not exist.',
  CAPSULE_RESULTS_FOLDER_MISSING: 'The results folder a record names does not exist.',
  CAPSULE_RELATED_RECORD_MISSING: 'A related record id names no record in the archive.',
  // Schema versions
  CAPSULE_MIGRATION_FILE: 'A migration file is malformed.',
  CAPSULE_MIGRATION_MISSING:
    "No chain of migrations leads from a record's schema version to the target.",
  CAPSULE_MIGRATION_RESULT: 'A migrated record does not validate against the new schema version.',
  // The repository
  CAPSULE_GIT_FSCK: "git's check of the repository's objects (`git fsck`) failed or could not run.",
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
