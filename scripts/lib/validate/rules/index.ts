import type { ArchiveRule, RecordRule } from '../rule.ts';
import { collectionMatch } from './collection-match.ts';
import { embargo } from './embargo.ts';
import { figuresListed } from './figures-listed.ts';
import { hepdata } from './hepdata.ts';
import { filePaths } from './file-paths.ts';
import { listedFiles } from './listed-files.ts';
import { publicRepository } from './public-repository.ts';
import { reana } from './reana.ts';
import { relatedRecords } from './related-records.ts';
import { resultsFolder } from './results-folder.ts';
import { schemaAllowed } from './schema-allowed.ts';
import { uniqueDois } from './unique-dois.ts';
import { uniqueIds } from './unique-ids.ts';
import { unlistedFiles } from './unlisted-files.ts';
import { workflowFile } from './workflow-file.ts';

/** The rules every record goes through after its schema. */
export const RECORD_RULES: readonly RecordRule[] = [
  schemaAllowed,
  collectionMatch,
  embargo,
  publicRepository,
  filePaths,
  listedFiles,
  unlistedFiles,
  figuresListed,
  workflowFile,
  resultsFolder,
  hepdata,
  reana,
];

/** The rules that look across the whole archive. */
export const ARCHIVE_RULES: readonly ArchiveRule[] = [uniqueIds, uniqueDois, relatedRecords];
