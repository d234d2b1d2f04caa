import {
  CHOMPING_MODE,
  COLLECTION_STYLE,
  EVENT_ID,
  SCALAR_STYLE,
  YAMLException,
  getScalarValue,
  parseEvents,
} from 'js-yaml';
import type { Event, ScalarEvent } from 'js-yaml';
import { emptyTrivia } from './nodes.ts';
import type { MapNode, ScalarNode, SeqNode, YamlNode } from './nodes.ts';
import { resolvePlainScalar } from './scalars.ts';

/**
 * Builds Capsule's YAML tree and the plain value from js-yaml's event stream, refusing every
 * construct a hostile or careless file could use against a reader: anchors and aliases (the
 * "billion laughs"), explicit tags (`!!js/function` and friends), merge keys, duplicate keys,
 * keys that would reach an object's prototype, complex keys, and excessive nesting.
 * It never throws on bad input: every problem becomes a `YamlIssue`, and composing goes on so
 * that one run reports all of them.
 */

export type YamlIssueKind =
  | 'syntax'
  | 'too-deep'
  | 'alias'
  | 'anchor'
  | 'tag'
  | 'merge-key'
  | 'duplicate-key'
  | 'forbidden-key'
  | 'complex-key'
  | 'multiple-documents';

export interface YamlIssue {
  kind: YamlIssueKind;
  severity: 'error' | 'warning';
  /** Offset into the source. */
  offset: number;
  message: string;
  hint: string;
}

export interface ComposeOptions {
  /** Deepest nesting of mappings and sequences allowed. */
  maxDepth?: number;
  /** Accept a stream of several documents (HEPData's submission.yaml is one). */
  multipleDocuments?: boolean;
  /**
   * What a repeated key means. Capsule's own files refuse it; HEPData's files repeat keys such
   * as `dateupdated` and HEPData keeps the last value, so its reader may ask for that.
   */
  duplicateKeys?: 'error' | 'last-wins';
  /**
   * Build the tree of nodes with their entries (default). Without it only the value is built, which
   * is what validating thousands of records needs; the tree is made again for a file that has a
   * diagnostic to place.
   */
  tree?: boolean;
}

export interface ComposedDocument {
  root: YamlNode | null;
  value: unknown;
}

export interface Composed {
  documents: ComposedDocument[];
  issues: YamlIssue[];
}

export const DEFAULT_MAX_DEPTH = 32;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const DOC = 0;
const SEQ = 1;
const MAP = 2;

/** One open document, sequence or mapping. A single shape keeps the hot loop monomorphic. */
interface Frame {
  kind: typeof DOC | typeof SEQ | typeof MAP;
  /** The collection's node; null for documents and when only values are built. */
  node: MapNode | SeqNode | null;
  /** Documents: the root node and whether a value arrived. */
  root: YamlNode | null;
  set: boolean;
  value: unknown;
  start: number;
  /** Mappings: the key waiting for its value, or undefined when a key comes next. */
  key: string | undefined;
  keyNode: ScalarNode | null;
  /** Mappings: drop the pending key's value (the key was refused), or replace an earlier one. */
  skip: boolean;
  replace: boolean;
}

export function composeYaml(source: string, options: ComposeOptions = {}): Composed {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  let events: Event[];
  try {
    // js-yaml counts the document itself as one level.
    events = parseEvents(source, { maxDepth: maxDepth + 1 });
  } catch (error) {
    return { documents: [], issues: [syntaxIssue(error, maxDepth)] };
  }
  return new Composer(source, options).run(events);
}

function frame(kind: Frame['kind'], node: Frame['node'], value: unknown, start: number): Frame {
  return {
    kind,
    node,
    root: null,
    set: false,
    value,
    start,
    key: undefined,
    keyNode: null,
    skip: false,
    replace: false,
  };
}

class Composer {
  readonly #source: string;
  readonly #options: ComposeOptions;
  readonly #tree: boolean;
  readonly #issues: YamlIssue[] = [];
  readonly #documents: ComposedDocument[] = [];
  readonly #stack: Frame[] = [];
  #lastEnd = 0;
  /** Anchors and aliases after the first: counted, not each reported (a bomb has thousands). */
  #repeatedReferences = 0;

  constructor(source: string, options: ComposeOptions) {
    this.#source = source;
    this.#options = options;
    this.#tree = options.tree ?? true;
  }

  run(events: Event[]): Composed {
    for (const event of events) this.#handle(event);
    if (this.#repeatedReferences > 0) {
      const first = this.#issues.find((issue) => issue.kind === 'alias' || issue.kind === 'anchor');
      if (first)
        first.message += ` The file has ${this.#repeatedReferences} more anchors or aliases.`;
    }
    return { documents: this.#documents, issues: this.#issues };
  }

  #handle(event: Event): void {
    switch (event.type) {
      case EVENT_ID.SCALAR:
        this.#scalar(event);
        return;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        if (event.anchorStart !== -1 || event.tagStart !== -1) {
          this.#refuseProperties(event.anchorStart, event.anchorEnd, event.tagStart, event.tagEnd);
        }
        const flow = event.style === COLLECTION_STYLE.FLOW;
        const isMap = event.type === EVENT_ID.MAPPING;
        let node: MapNode | SeqNode | null = null;
        if (this.#tree) {
          node = isMap
            ? { kind: 'map', flow, start: event.start, end: event.start, entries: [] }
            : { kind: 'seq', flow, start: event.start, end: event.start, items: [] };
        }
        this.#stack.push(frame(isMap ? MAP : SEQ, node, isMap ? {} : [], event.start));
        this.#lastEnd = event.start;
        return;
      }
      case EVENT_ID.POP:
        this.#pop();
        return;
      case EVENT_ID.DOCUMENT:
        if (this.#documents.length > 0 && !this.#options.multipleDocuments) {
          const offset = this.#source.indexOf('\n---', this.#lastEnd);
          this.#issue(
            'multiple-documents',
            'error',
            offset === -1 ? this.#lastEnd : offset + 1,
            'The file holds more than one YAML document; a record is exactly one.',
            'Remove the `---` separator and merge or delete the second document.',
          );
        }
        this.#stack.push(frame(DOC, null, null, this.#lastEnd));
        return;
      case EVENT_ID.ALIAS: {
        const offset = Math.max(0, event.anchorStart - 1);
        this.#issue(
          'alias',
          'error',
          offset,
          `YAML aliases (\`*${this.#source.slice(event.anchorStart, event.anchorEnd)}\`) are not allowed.`,
          'Write the value out in full; aliases can expand a small file into a huge one.',
        );
        this.#lastEnd = event.anchorEnd;
        const node: ScalarNode | null = this.#tree
          ? { kind: 'scalar', value: null, style: 'plain', start: offset, end: event.anchorEnd }
          : null;
        this.#attach(node, null, null, offset);
        return;
      }
    }
  }

  #scalar(event: ScalarEvent): void {
    if (event.anchorStart !== -1 || event.tagStart !== -1) {
      this.#refuseProperties(event.anchorStart, event.anchorEnd, event.tagStart, event.tagEnd);
    }
    const text = getScalarValue(this.#source, event);
    const style = event.style;
    let start = event.valueStart;
    let end = event.valueEnd;
    if (start === -1) {
      start = this.#lastEnd;
      end = this.#lastEnd;
    } else if (style === SCALAR_STYLE.SINGLE_QUOTED || style === SCALAR_STYLE.DOUBLE_QUOTED) {
      start -= 1;
      end += 1;
    }
    this.#lastEnd = end;
    const value = style === SCALAR_STYLE.PLAIN ? resolvePlainScalar(text) : text;
    let node: ScalarNode | null = null;
    if (this.#tree) {
      node = { kind: 'scalar', value, style: STYLES[style] ?? 'plain', start, end };
      if (style === SCALAR_STYLE.LITERAL_BLOCK || style === SCALAR_STYLE.FOLDED_BLOCK) {
        node.blockIndent = event.indent;
        node.chomping =
          event.chomping === CHOMPING_MODE.STRIP
            ? 'strip'
            : event.chomping === CHOMPING_MODE.KEEP
              ? 'keep'
              : 'clip';
      }
    }
    this.#attach(node, value, style === SCALAR_STYLE.PLAIN && text === '<<' ? '<<' : text, start);
  }

  #pop(): void {
    const top = this.#stack.pop();
    if (!top) return;
    if (top.kind === DOC) {
      this.#documents.push({ root: top.root, value: top.set ? top.value : null });
      return;
    }
    const node = top.node;
    if (node) {
      node.end = node.flow ? this.#closingBracket(node) : Math.max(node.end, this.#lastEnd);
      this.#lastEnd = node.end;
    }
    // A collection in a key position is refused; `keyText` null marks it.
    this.#attach(node, top.value, null, top.start);
  }

  #closingBracket(node: MapNode | SeqNode): number {
    const close = node.kind === 'map' ? '}' : ']';
    const from = Math.max(node.start + 1, this.#lastEnd);
    const index = this.#source.indexOf(close, from);
    return index === -1 ? from : index + 1;
  }

  /**
   * Hands a finished node and its value to the open collection. `keyText` is the scalar's text
   * (null for collections and aliases), used when the node turns out to be a mapping key.
   */
  #attach(node: YamlNode | null, value: unknown, keyText: string | null, start: number): void {
    const parent = this.#stack[this.#stack.length - 1];
    if (!parent) return;
    if (parent.kind === DOC) {
      parent.root = node;
      parent.value = value;
      parent.set = true;
      return;
    }
    if (node && parent.node && parent.node.end < node.end) parent.node.end = node.end;
    if (parent.kind === SEQ) {
      (parent.value as unknown[]).push(value);
      if (node && parent.node)
        (parent.node as SeqNode).items.push({ value: node, trivia: emptyTrivia() });
      return;
    }
    if (parent.key === undefined) {
      this.#acceptKey(parent, node, value, keyText, start);
      return;
    }
    const key = parent.key;
    parent.key = undefined;
    if (parent.skip) return;
    (parent.value as { [key: string]: unknown })[key] = value;
    if (!node || !parent.node || !parent.keyNode) return;
    const entry = { key: parent.keyNode, value: node, trivia: emptyTrivia() };
    const entries = (parent.node as MapNode).entries;
    const index = parent.replace
      ? entries.findIndex((existing) => existing.key.value === parent.keyNode?.value)
      : -1;
    if (index === -1) entries.push(entry);
    else entries[index] = entry;
  }

  /** Checks a mapping key and records it as pending. */
  #acceptKey(
    parent: Frame,
    node: YamlNode | null,
    value: unknown,
    keyText: string | null,
    start: number,
  ): void {
    parent.skip = false;
    parent.replace = false;
    if (keyText === null) {
      parent.key = '';
      parent.keyNode = null;
      parent.skip = true;
      this.#issue(
        'complex-key',
        'error',
        start,
        'A mapping key must be a plain string, not a collection.',
        'Use a simple `key: value` line.',
      );
      return;
    }
    const text = value === null || value === undefined ? keyText : String(value);
    parent.key = text;
    parent.keyNode = node as ScalarNode | null;
    if (keyText === '<<') {
      parent.skip = true;
      this.#issue(
        'merge-key',
        'error',
        start,
        'YAML merge keys (`<<`) are not allowed.',
        'Write the merged keys out in full in this mapping.',
      );
      return;
    }
    if (FORBIDDEN_KEYS.has(text)) {
      parent.skip = true;
      this.#issue(
        'forbidden-key',
        'error',
        start,
        `The key \`${text}\` is not allowed.`,
        `Rename or remove \`${text}\`: it could change how programs reading the data behave.`,
      );
      return;
    }
    if (Object.hasOwn(parent.value as object, text)) {
      const lenient = this.#options.duplicateKeys === 'last-wins';
      const first = this.#firstKeyLine(text, parent.start, start);
      this.#issue(
        'duplicate-key',
        lenient ? 'warning' : 'error',
        start,
        `The key \`${text}\` appears twice in the same mapping${first ? ` (first on line ${first})` : ''}.`,
        lenient
          ? 'The last value is used; remove the earlier one.'
          : `Keep one \`${text}\` and delete the other.`,
      );
      parent.skip = !lenient;
      parent.replace = lenient;
    }
  }

  /** The line of a key's first occurrence in a mapping (a rare path: duplicates only). */
  #firstKeyLine(key: string, from: number, before: number): number | undefined {
    const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`(^|[\\n{,]|- )[ \\t]*["']?${escaped}["']?[ \\t]*:`, 'g');
    pattern.lastIndex = from;
    const match = pattern.exec(this.#source);
    if (!match || match.index >= before) return undefined;
    return this.#source.slice(0, match.index + match[1]!.length).split('\n').length;
  }

  #refuseProperties(
    anchorStart: number,
    anchorEnd: number,
    tagStart: number,
    tagEnd: number,
  ): void {
    if (anchorStart !== -1) {
      this.#issue(
        'anchor',
        'error',
        Math.max(0, anchorStart - 1),
        `YAML anchors (\`&${this.#source.slice(anchorStart, anchorEnd)}\`) are not allowed.`,
        'Remove the anchor and write any repeated values out in full.',
      );
    }
    if (tagStart !== -1) {
      const tag = this.#source.slice(tagStart, tagEnd);
      this.#issue(
        'tag',
        'error',
        tagStart,
        `YAML tags (\`${tag}\`) are not allowed.`,
        tag.includes('str')
          ? 'Remove the tag and put the value in quotes instead.'
          : 'Remove the tag; Capsule files hold plain data only.',
      );
    }
  }

  #issue(
    kind: YamlIssueKind,
    severity: 'error' | 'warning',
    offset: number,
    message: string,
    hint: string,
  ): void {
    const isReference = kind === 'alias' || kind === 'anchor';
    if (
      isReference &&
      this.#issues.some((issue) => issue.kind === 'alias' || issue.kind === 'anchor')
    ) {
      this.#repeatedReferences++;
      return;
    }
    this.#issues.push({ kind, severity, offset, message, hint });
  }
}

const STYLES: Record<number, ScalarNode['style']> = {
  [SCALAR_STYLE.PLAIN]: 'plain',
  [SCALAR_STYLE.SINGLE_QUOTED]: 'single',
  [SCALAR_STYLE.DOUBLE_QUOTED]: 'double',
  [SCALAR_STYLE.LITERAL_BLOCK]: 'literal',
  [SCALAR_STYLE.FOLDED_BLOCK]: 'folded',
};

function syntaxIssue(error: unknown, maxDepth: number): YamlIssue {
  if (error instanceof YAMLException) {
    const offset = error.mark?.position ?? 0;
    if (error.reason.includes('maxDepth')) {
      return {
        kind: 'too-deep',
        severity: 'error',
        offset,
        message: `The YAML is nested deeper than ${maxDepth} levels.`,
        hint: 'Flatten the structure; no Capsule file needs this much nesting.',
      };
    }
    return {
      kind: 'syntax',
      severity: 'error',
      offset,
      message: `YAML syntax error: ${error.reason}.`,
      hint: 'Check indentation (spaces, not tabs), unclosed quotes or brackets, and a space after each `:`.',
    };
  }
  // js-yaml reports every input problem as a YAMLException; anything else is a bug in it.
  throw error;
}
