import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { compareDiagnostics } from '../diagnostics/diagnostic.ts';
import { fileDiagnostic } from '../records/source.ts';
import { field, list } from '../validate/data.ts';
import { checkSubmission } from './check-submission.ts';
import type { SubmissionCheck } from './check-submission.ts';
import { checkTable } from './check-table.ts';
import { DEFAULT_HEPDATA_SCHEMA_VERSION } from './schemas.ts';
import type { HepdataSchemaVersion } from './schemas.ts';
import { HEPDATA_FILE_SIZE_LIMIT, parseHepdataFile } from './source.ts';
import type { HepdataDocument, ParsedHepdataFile } from './source.ts';

/**
 * A whole HEPData submission folder, the way hepdata-validator's full-submission check sees it:
 * submission.yaml, every data file it names (present, no `/` in the name, within the size
 * limit, valid), every local additional resource present, and (schema 1.1.0 and later) no file in
 * the folder that submission.yaml does not reference. The file system is passed in.
 */
export interface HepdataFolder {
  /** The folder, relative to the archive root: diagnostics name files under it. */
  dir: string;
  /** Every file under the folder, relative to it, with `/` separators. */
  files: ReadonlyArray<{ path: string; size: number }>;
  read(path: string): Promise<Uint8Array>;
}

export const SUBMISSION_FILE = 'submission.yaml';

export interface HepdataFolderReport {
  diagnostics: Diagnostic[];
  submission: SubmissionCheck | undefined;
  /** The data files that were read, by their name in submission.yaml. */
  tables: Map<string, ParsedHepdataFile>;
}

export async function validateHepdataFolder(
  folder: HepdataFolder,
  version: HepdataSchemaVersion = DEFAULT_HEPDATA_SCHEMA_VERSION,
): Promise<HepdataFolderReport> {
  const diagnostics: Diagnostic[] = [];
  const tables = new Map<string, ParsedHepdataFile>();
  const present = new Map(folder.files.map((file) => [file.path, file.size]));
  const submissionPath = `${folder.dir}/${SUBMISSION_FILE}`;
  if (!present.has(SUBMISSION_FILE)) {
    diagnostics.push(
      fileDiagnostic(
        submissionPath,
        'CAPSULE_HEPDATA_SUBMISSION_MISSING',
        `The HEPData folder ${folder.dir}/ has no ${SUBMISSION_FILE}.`,
        `Add ${SUBMISSION_FILE}: it lists the tables (one YAML document each) and their data files.`,
      ),
    );
    return { diagnostics, submission: undefined, tables };
  }
  const parsed = parseHepdataFile(submissionPath, await folder.read(SUBMISSION_FILE), {
    stream: true,
  });
  diagnostics.push(...parsed.diagnostics);
  if (!parsed.parsed) return { diagnostics, submission: undefined, tables };
  const submission = checkSubmission(parsed, version);
  diagnostics.push(...submission.diagnostics);

  const referenced = new Set([SUBMISSION_FILE]);
  for (const document of parsed.documents) {
    diagnostics.push(...resources(document, present, referenced));
  }
  for (const table of submission.tables) {
    const name = table.dataFile;
    if (name === undefined) continue;
    referenced.add(name);
    if (name.includes('/')) {
      diagnostics.push(
        table.document.file.diagnostic(
          'CAPSULE_HEPDATA_FILE_NAME',
          'error',
          '/data_file',
          `Name of data_file \`${name}\` should not contain \`/\`: HEPData reads data files from the submission folder itself.`,
          `Move the file into ${folder.dir}/ and write \`data_file: ${name.split('/').pop()}\`.`,
        ),
      );
      continue;
    }
    const size = present.get(name);
    if (size === undefined) {
      diagnostics.push(
        table.document.file.diagnostic(
          'CAPSULE_HEPDATA_FILE_MISSING',
          'error',
          '/data_file',
          `Missing data_file \`${name}\`: there is no ${folder.dir}/${name}.`,
          'Add the table file, or fix the name in submission.yaml.',
        ),
      );
      continue;
    }
    if (tables.has(name)) continue;
    const path = `${folder.dir}/${name}`;
    const data =
      size > HEPDATA_FILE_SIZE_LIMIT
        ? parseHepdataFile(path, new Uint8Array(size), { stream: false })
        : parseHepdataFile(path, await folder.read(name), { stream: false });
    tables.set(name, data);
    diagnostics.push(...data.diagnostics);
    if (table.dataSchema !== undefined) {
      diagnostics.push(
        table.document.file.diagnostic(
          'CAPSULE_HEPDATA_CUSTOM_SCHEMA',
          'warning',
          '/data_schema',
          `\`${name}\` follows its own schema (${table.dataSchema}), which Capsule cannot fetch to check it offline.`,
          'Nothing to do if HEPData accepts the file; Capsule checked only that it parses.',
        ),
      );
      continue;
    }
    diagnostics.push(...checkTable(data, version));
  }
  if (version !== '1.0.1') {
    for (const file of folder.files) {
      if (referenced.has(file.path)) continue;
      diagnostics.push(
        fileDiagnostic(
          `${folder.dir}/${file.path}`,
          'CAPSULE_HEPDATA_FILE_UNREFERENCED',
          `${file.path} is not referenced in the submission.`,
          `HEPData refuses files submission.yaml does not name: reference it (as a table's \`data_file\` or in \`additional_resources\`), or move it out of ${folder.dir}/ (e.g. to files/).`,
        ),
      );
    }
  }
  return { diagnostics: diagnostics.sort(compareDiagnostics), submission, tables };
}

function resources(
  document: HepdataDocument,
  present: Map<string, number>,
  referenced: Set<string>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  list(document.value, 'additional_resources').forEach((resource, index) => {
    const location = field(resource, 'location');
    if (typeof location !== 'string' || location.startsWith('http')) return;
    referenced.add(location);
    const pointer = `/additional_resources/${index}/location`;
    if (location.includes('/')) {
      out.push(
        document.file.diagnostic(
          'CAPSULE_HEPDATA_FILE_NAME',
          'error',
          pointer,
          `Location of 'additional_resources' file \`${location}\` should not contain \`/\`.`,
          'Put the file in the submission folder and give its bare name, or link to it with an `https://` URL.',
        ),
      );
    } else if (!present.has(location)) {
      out.push(
        document.file.diagnostic(
          'CAPSULE_HEPDATA_FILE_MISSING',
          'error',
          pointer,
          `Missing 'additional_resources' file \`${location}\`.`,
          'Add the file to the submission folder, link to it with an `https://` URL instead, or remove the entry.',
        ),
      );
    }
  });
  return out;
}
