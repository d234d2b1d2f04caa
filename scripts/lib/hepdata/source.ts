import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { DiagnosticCode } from '../diagnostics/codes.ts';
import { MetadataFile, fileDiagnostic } from '../records/source.ts';
import { decodeText, formatBytes } from '../text/decode.ts';
import { parseYaml, parseYamlStream } from '../yaml/index.ts';
import type { YamlIssue, YamlIssueKind } from '../yaml/index.ts';

/**
 * Reading HEPData files: submission.yaml is a stream of YAML documents, a table is one YAML or
 * JSON document. Both are read the way HEPData reads them where that is safe: a repeated key
 * keeps its last value (with a warning), since HEPData's own examples repeat `dateupdated`.
 * Everything else Capsule refuses in its own files (aliases, tags...) is refused here too.
 */

/** HEPData's limit for one data file (hepdata-validator INDIVIDUAL_FILE_SIZE_LIMIT). */
export const HEPDATA_FILE_SIZE_LIMIT = 10 * 1024 * 1024;

export interface HepdataDocument {
  /** Position in the stream, from 0. */
  index: number;
  value: unknown;
  /** The document's tree and text, to place diagnostics on lines. */
  file: MetadataFile;
}

export interface ParsedHepdataFile {
  path: string;
  /** Empty when the file could not be parsed. */
  documents: HepdataDocument[];
  diagnostics: Diagnostic[];
  /** Whether the text was read and parsed (there may still be warnings). */
  parsed: boolean;
}

const ISSUE_CODES: Record<YamlIssueKind, DiagnosticCode> = {
  syntax: 'CAPSULE_HEPDATA_SYNTAX',
  'too-deep': 'CAPSULE_YAML_TOO_DEEP',
  alias: 'CAPSULE_YAML_ALIAS',
  anchor: 'CAPSULE_YAML_ALIAS',
  tag: 'CAPSULE_YAML_TAG',
  'merge-key': 'CAPSULE_YAML_MERGE_KEY',
  'duplicate-key': 'CAPSULE_HEPDATA_DUPLICATE_KEY',
  'forbidden-key': 'CAPSULE_YAML_FORBIDDEN_KEY',
  'complex-key': 'CAPSULE_YAML_COMPLEX_KEY',
  'multiple-documents': 'CAPSULE_YAML_MULTIPLE_DOCUMENTS',
};

/**
 * Parses a HEPData file. `stream: true` for submission.yaml (several documents), false for a
 * table (exactly one document, YAML or JSON).
 */
export function parseHepdataFile(
  path: string,
  bytes: Uint8Array,
  options: { stream: boolean },
): ParsedHepdataFile {
  const decoded = decodeText(bytes, HEPDATA_FILE_SIZE_LIMIT);
  if (!decoded.ok) {
    const tooLarge = decoded.problem === 'too-large';
    const diagnostic = fileDiagnostic(
      path,
      tooLarge ? 'CAPSULE_HEPDATA_FILE_TOO_LARGE' : 'CAPSULE_FILE_ENCODING',
      tooLarge
        ? `The file is ${formatBytes(bytes.length)}, over the ${formatBytes(HEPDATA_FILE_SIZE_LIMIT)} HEPData accepts for one data file.`
        : decoded.message,
      tooLarge
        ? 'Split the table, or attach the full data as an additional resource and keep a summary table.'
        : decoded.hint,
      'error',
      decoded.line,
      decoded.column,
    );
    return { path, documents: [], diagnostics: [diagnostic], parsed: false };
  }
  const text = decoded.text;
  const documents: HepdataDocument[] = [];
  let issues: YamlIssue[];
  if (options.stream) {
    const parsed = parseYamlStream(text, { duplicateKeys: 'last-wins' });
    issues = parsed.issues;
    parsed.documents.forEach((doc, index) =>
      documents.push({ index, value: doc.value, file: new MetadataFile(path, text, doc.document) }),
    );
  } else {
    const parsed = parseYaml(text, { duplicateKeys: 'last-wins' });
    issues = parsed.issues;
    if (parsed.document)
      documents.push({
        index: 0,
        value: parsed.value,
        file: new MetadataFile(path, text, parsed.document),
      });
  }
  const lines = new MetadataFile(path, text);
  const diagnostics = issues.map((issue) => {
    const { line, column } = lines.position(issue.offset);
    const syntax = issue.kind === 'syntax';
    return fileDiagnostic(
      path,
      ISSUE_CODES[issue.kind],
      syntax
        ? issue.message.replace(/^YAML syntax error/, 'The file cannot be parsed')
        : issue.message,
      issue.kind === 'duplicate-key'
        ? 'HEPData keeps the last value, and so does Capsule; remove the earlier one to make that plain.'
        : syntax
          ? `${issue.hint} HEPData reads the file with a YAML parser too (JSON is YAML), so it would refuse it the same way.`
          : issue.hint,
      issue.severity,
      line,
      column,
    );
  });
  const parsed = !issues.some((issue) => issue.kind === 'syntax' || issue.kind === 'too-deep');
  return { path, documents: parsed ? documents : [], diagnostics, parsed };
}
