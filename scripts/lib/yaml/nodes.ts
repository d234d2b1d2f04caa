/**
 * The YAML tree Capsule works on: the parsed value's shape with source offsets, so diagnostics
 * can point at lines and `capsule fmt` can rewrite a file while keeping its comments.
 * Offsets are UTF-16 indices into the source text, end-exclusive.
 */

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';
export type Chomping = 'clip' | 'strip' | 'keep';

export interface ScalarNode {
  kind: 'scalar';
  value: string | number | boolean | null;
  style: ScalarStyle;
  /**
   * Start of the scalar including quotes; for block scalars, the start of its content. Nodes made
   * by an edit rather than read from the source have -1.
   */
  start: number;
  end: number;
  /** Block scalars only: the indentation of the content in the source, and its chomping. */
  blockIndent?: number;
  chomping?: Chomping;
}

export interface MapNode {
  kind: 'map';
  flow: boolean;
  start: number;
  end: number;
  entries: MapEntry[];
}

export interface SeqNode {
  kind: 'seq';
  flow: boolean;
  start: number;
  end: number;
  items: SeqItem[];
}

export type YamlNode = ScalarNode | MapNode | SeqNode;

/**
 * Comments and blank lines that belong to an entry, so they move with it when `capsule fmt`
 * reorders keys. Comments keep their `#`; `null` stands for a blank line.
 */
export interface Trivia {
  /** The lines just above the entry: full-line comments and blank lines. */
  leading: Array<string | null>;
  /** A comment at the end of the entry's first line. */
  trailing?: string;
}

export interface MapEntry {
  key: ScalarNode;
  value: YamlNode;
  trivia: Trivia;
}

export interface SeqItem {
  value: YamlNode;
  trivia: Trivia;
}

export interface YamlDocument {
  source: string;
  /** `null` for an empty document. */
  root: YamlNode | null;
  /** Comments after the last entry of the document. */
  endComments: string[];
  /** Comments before the first entry that are separated from it by a blank line (a file header). */
  headerComments: string[];
}

export function emptyTrivia(): Trivia {
  return { leading: [] };
}
