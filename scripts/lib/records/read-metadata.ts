import matter from 'gray-matter';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { DiagnosticCode } from '../diagnostics/codes.ts';
import { decodeText } from '../text/decode.ts';
import { parseYaml } from '../yaml/index.ts';
import type { YamlIssueKind } from '../yaml/index.ts';
import { MetadataFile, fileDiagnostic } from './source.ts';

/** Metadata read from a YAML file or a Markdown file's front matter. */
export interface ReadMetadata {
  /** The parsed mapping; undefined when the file could not be read as one. */
  data: { [key: string]: unknown } | undefined;
  file: MetadataFile | undefined;
  /** The Markdown body of a record.md, verbatim. */
  body?: string;
  /** Offset of the body in the file's text, to report positions inside it. */
  bodyOffset?: number;
  diagnostics: Diagnostic[];
}

const ISSUE_CODES: Record<YamlIssueKind, DiagnosticCode> = {
  syntax: 'CAPSULE_YAML_SYNTAX',
  'too-deep': 'CAPSULE_YAML_TOO_DEEP',
  alias: 'CAPSULE_YAML_ALIAS',
  anchor: 'CAPSULE_YAML_ALIAS',
  tag: 'CAPSULE_YAML_TAG',
  'merge-key': 'CAPSULE_YAML_MERGE_KEY',
  'duplicate-key': 'CAPSULE_YAML_DUPLICATE_KEY',
  'forbidden-key': 'CAPSULE_YAML_FORBIDDEN_KEY',
  'complex-key': 'CAPSULE_YAML_COMPLEX_KEY',
  'multiple-documents': 'CAPSULE_YAML_MULTIPLE_DOCUMENTS',
};

export interface ReadOptions {
  /** Keep comments attached to the tree (for rewriting the file). */
  trivia?: boolean;
}

/** Reads a YAML metadata file (record.yaml, collection.yaml, archive.yaml). */
export function readYamlMetadata(
  path: string,
  bytes: Uint8Array,
  options: ReadOptions = {},
): ReadMetadata {
  const decoded = decodeText(bytes);
  if (!decoded.ok)
    return { data: undefined, file: undefined, diagnostics: [decodeDiagnostic(path, decoded)] };
  return parseMetadata(path, decoded.text, options);
}

/** Reads a record.md: YAML front matter between `---` lines, then Markdown documentation. */
export function readMarkdownMetadata(
  path: string,
  bytes: Uint8Array,
  options: ReadOptions = {},
): ReadMetadata {
  const decoded = decodeText(bytes);
  if (!decoded.ok)
    return { data: undefined, file: undefined, diagnostics: [decodeDiagnostic(path, decoded)] };
  const text = decoded.text;
  const firstLineEnd = text.indexOf('\n');
  const firstLine = (firstLineEnd === -1 ? text : text.slice(0, firstLineEnd)).trimEnd();
  if (firstLine !== '---') {
    return frontMatterProblem(
      path,
      'record.md does not start with a `---` line.',
      "Put the record's YAML between two `---` lines at the top of the file, then the documentation.",
    );
  }
  if (!/\n---[ \t]*(\r?\n|$)/.test(text.slice(firstLineEnd))) {
    return frontMatterProblem(
      path,
      'The front matter of record.md is never closed.',
      'Add a line with `---` after the YAML, before the documentation.',
    );
  }
  // gray-matter splits the file; Capsule's own parser reads the YAML, with positions and limits.
  const split = matter(text, { engines: { yaml: { parse: () => ({}), stringify: () => '' } } });
  const bodyOffset = text.length - split.content.length;
  const padded = ' '.repeat(firstLine.length) + split.matter;
  const parsed = parseMetadata(path, padded, options);
  return { ...parsed, body: split.content, bodyOffset };
}

function parseMetadata(path: string, text: string, options: ReadOptions): ReadMetadata {
  // The tree is needed up front only to rewrite the file; otherwise it is made when a diagnostic needs a position.
  const parsed = parseYaml(text, options.trivia ? { trivia: true } : { tree: false });
  const file = new MetadataFile(path, text, parsed.document);
  const diagnostics = parsed.issues.map((issue) => {
    const { line, column } = file.position(issue.offset);
    return fileDiagnostic(
      path,
      ISSUE_CODES[issue.kind],
      issue.message,
      issue.hint,
      issue.severity,
      line,
      column,
    );
  });
  const value = parsed.value;
  if (value === undefined) return { data: undefined, file, diagnostics };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    diagnostics.push(
      fileDiagnostic(
        path,
        'CAPSULE_YAML_NOT_A_MAPPING',
        `The file holds ${value === null ? 'nothing' : Array.isArray(value) ? 'a list' : 'a single value'}, not a mapping of keys to values.`,
        'Write one `key: value` per line, starting with `$schema:` and `title:`.',
      ),
    );
    return { data: undefined, file, diagnostics };
  }
  return { data: value as { [key: string]: unknown }, file, diagnostics };
}

function frontMatterProblem(path: string, message: string, hint: string): ReadMetadata {
  return {
    data: undefined,
    file: undefined,
    diagnostics: [fileDiagnostic(path, 'CAPSULE_FRONT_MATTER', message, hint)],
  };
}

function decodeDiagnostic(
  path: string,
  decoded: Extract<ReturnType<typeof decodeText>, { ok: false }>,
): Diagnostic {
  const code: DiagnosticCode =
    decoded.problem === 'too-large'
      ? 'CAPSULE_FILE_TOO_LARGE'
      : decoded.problem === 'bom'
        ? 'CAPSULE_FILE_BOM'
        : 'CAPSULE_FILE_ENCODING';
  return fileDiagnostic(
    path,
    code,
    decoded.message,
    decoded.hint,
    'error',
    decoded.line,
    decoded.column,
  );
}
