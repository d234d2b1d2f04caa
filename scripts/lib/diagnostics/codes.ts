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
  // HEPData results (a record's results.hepdata.path folder)
  CAPSULE_HEPDATA_SUBMISSION_MISSING: 'A HEPData folder has no submission.yaml.',
  CAPSULE_HEPDATA_SYNTAX: 'A HEPData file cannot be parsed as YAML (or JSON).',
  CAPSULE_HEPDATA_EMPTY: 'A HEPData data file holds no data.',
  CAPSULE_HEPDATA_FILE_TOO_LARGE: 'A HEPData data file is over the 10 MB HEPData accepts.',
  CAPSULE_HEPDATA_DUPLICATE_KEY: 'A HEPData file repeats a key; HEPData keeps the last value.',
  CAPSULE_HEPDATA_SCHEMA: 'A HEPData document breaks the HEPData schema.',
  CAPSULE_HEPDATA_YAML11_NUMBER:
    'A bin edge is a number to YAML 1.2 but text to HEPData, which reads YAML 1.1.',
  CAPSULE_HEPDATA_NO_DEPENDENT: 'A HEPData table has no dependent variable.',
  CAPSULE_HEPDATA_VALUES_LENGTH:
    'The variables of a HEPData table have different numbers of values.',
  CAPSULE_HEPDATA_ZERO_UNCERTAINTY: 'All the uncertainties of a HEPData value are zero.',
  CAPSULE_HEPDATA_UNCERTAINTY_NUMBER: 'A HEPData uncertainty is neither a number nor a percentage.',
  CAPSULE_HEPDATA_STRING_RANGE: 'An independent variable value is a range written as text.',
  CAPSULE_HEPDATA_INFINITE_BIN:
    'A bin is infinite on both sides, or a variable has more than one underflow or overflow bin.',
  CAPSULE_HEPDATA_BIN_ORDER: "A bin's low edge is above its high edge.",
  CAPSULE_HEPDATA_CMENERGIES: 'A cmenergies keyword is not a number (GeV) or a single range.',
  CAPSULE_HEPDATA_DUPLICATE_TABLE: 'Two tables of a HEPData submission have the same name.',
  CAPSULE_HEPDATA_DUPLICATE_DATA_FILE: 'Two tables of a HEPData submission use the same data file.',
  CAPSULE_HEPDATA_FILE_NAME: 'A file name in submission.yaml contains `/`.',
  CAPSULE_HEPDATA_FILE_MISSING: 'A file named in submission.yaml does not exist.',
  CAPSULE_HEPDATA_FILE_UNREFERENCED:
    'A file in a HEPData folder is not referenced by submission.yaml.',
  CAPSULE_HEPDATA_CUSTOM_SCHEMA:
    'A HEPData data file follows a custom schema Capsule cannot check offline.',
  // REANA workflows (a record's workflow.file)
  CAPSULE_REANA_SCHEMA: 'reana.yaml breaks the REANA specification schema.',
  CAPSULE_REANA_UNKNOWN_KEY:
    'reana.yaml has a key REANA does not know (REANA warns and ignores it).',
  CAPSULE_REANA_PARAMETER: 'A REANA parameter is used but not defined, or defined but not used.',
  CAPSULE_REANA_IMAGE_TAG: 'A REANA step image has no fixed tag.',
  CAPSULE_REANA_ADVICE:
    'REANA would warn about the specification (missing inputs, risky commands).',
  CAPSULE_REANA_FILE_PATH: 'A path in reana.yaml leaves the folder REANA uploads.',
  CAPSULE_REANA_FILE_MISSING: 'A file or folder reana.yaml names is not in the record folder.',
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
