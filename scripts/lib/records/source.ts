import type { Diagnostic, Severity } from '../diagnostics/diagnostic.ts';
import type { DiagnosticCode } from '../diagnostics/codes.ts';
import { LineIndex, locate, parseYaml } from '../yaml/index.ts';
import type { Position, YamlDocument } from '../yaml/index.ts';

/**
 * A metadata file as read from disk: its text and YAML tree, so that any later stage can turn a
 * JSON pointer into a line and column. For record.md the text is the front matter, padded so
 * offsets are those of the whole file.
 */
export class MetadataFile {
  readonly path: string;
  readonly text: string;
  #document: YamlDocument | undefined;
  #lines: LineIndex | undefined;

  /** Without a document, the tree is parsed from the text the first time a position is needed. */
  constructor(path: string, text: string, document?: YamlDocument) {
    this.path = path;
    this.text = text;
    this.#document = document;
  }

  get document(): YamlDocument | undefined {
    this.#document ??= parseYaml(this.text).document;
    return this.#document;
  }

  position(offset: number): Position {
    this.#lines ??= new LineIndex(this.text);
    return this.#lines.position(offset);
  }

  /**
   * Where a pointer's value starts, or its key with `at: 'key'`. A pointer to something absent
   * (a missing required field) lands on the nearest enclosing value.
   */
  locate(pointer: string, at: 'key' | 'value' = 'value'): Position {
    const found = locate(this.document?.root ?? null, pointer);
    if (!found) return { line: 1, column: 1 };
    const offset = at === 'key' && found.exact && found.key ? found.key.start : found.node.start;
    return this.position(Math.max(0, offset));
  }

  diagnostic(
    code: DiagnosticCode,
    severity: Severity,
    pointer: string,
    message: string,
    hint: string,
    at: 'key' | 'value' = 'value',
  ): Diagnostic {
    const { line, column } = this.locate(pointer, at);
    return { code, severity, file: this.path, line, column, pointer, message, hint };
  }
}

export function fileDiagnostic(
  file: string,
  code: DiagnosticCode,
  message: string,
  hint: string,
  severity: Severity = 'error',
  line = 1,
  column = 1,
): Diagnostic {
  return { code, severity, file, line, column, pointer: '', message, hint };
}
