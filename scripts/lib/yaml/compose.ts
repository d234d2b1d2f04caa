import {
  EVENT_ID,
  SCALAR_STYLE,
  CHOMPING_MODE,
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

type Frame =
  | { kind: 'doc'; node: YamlNode | null; value: unknown; set: boolean }
  | { kind: 'seq'; node: SeqNode; value: unknown[] }
  | {
      kind: 'map';
      node: MapNode;
      value: { [key: string]: unknown };
      pendingKey: ScalarNode | null;
      skipValue: boolean;
      replaceValue: boolean;
      seen: Map<string, number>;
    };

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

class Composer {
  readonly #source: string;
  readonly #options: ComposeOptions;
  readonly #issues: YamlIssue[] = [];
  readonly #documents: ComposedDocument[] = [];
  readonly #stack: Frame[] = [];
  #lastEnd = 0;

  constructor(source: string, options: ComposeOptions) {
    this.#source = source;
    this.#options = options;
  }

  run(events: Event[]): Composed {
    for (const event of events) this.#handle(event);
    return { documents: this.#documents, issues: this.#issues };
  }

  #handle(event: Event): void {
    switch (event.type) {
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
        this.#stack.push({ kind: 'doc', node: null, value: null, set: false });
        return;
      case EVENT_ID.MAPPING: {
        this.#refuseProperties(event.anchorStart, event.anchorEnd, event.tagStart, event.tagEnd);
        const node: MapNode = {
          kind: 'map',
          flow: event.style === 2,
          start: event.start,
          end: event.start,
          entries: [],
        };
        this.#stack.push({
          kind: 'map',
          node,
          value: {},
          pendingKey: null,
          skipValue: false,
          replaceValue: false,
          seen: new Map(),
        });
        this.#lastEnd = event.start;
        return;
      }
      case EVENT_ID.SEQUENCE: {
        this.#refuseProperties(event.anchorStart, event.anchorEnd, event.tagStart, event.tagEnd);
        const node: SeqNode = {
          kind: 'seq',
          flow: event.style === 2,
          start: event.start,
          end: event.start,
          items: [],
        };
        this.#stack.push({ kind: 'seq', node, value: [] });
        this.#lastEnd = event.start;
        return;
      }
      case EVENT_ID.SCALAR: {
        this.#refuseProperties(event.anchorStart, event.anchorEnd, event.tagStart, event.tagEnd);
        const node = this.#scalar(event);
        this.#attach(node, node.value);
        return;
      }
      case EVENT_ID.ALIAS: {
        const offset = Math.max(0, event.anchorStart - 1);
        this.#issue(
          'alias',
          'error',
          offset,
          `YAML aliases (\`*${this.#source.slice(event.anchorStart, event.anchorEnd)}\`) are not allowed.`,
          'Write the value out in full; aliases can expand a small file into a huge one.',
        );
        const node: ScalarNode = {
          kind: 'scalar',
          value: null,
          style: 'plain',
          start: offset,
          end: event.anchorEnd,
        };
        this.#attach(node, null);
        return;
      }
      case EVENT_ID.POP:
        this.#pop();
        return;
    }
  }

  #pop(): void {
    const frame = this.#stack.pop();
    if (!frame) return;
    if (frame.kind === 'doc') {
      this.#documents.push({ root: frame.node, value: frame.set ? frame.value : null });
      return;
    }
    const node = frame.node;
    if (node.flow) node.end = this.#closingBracket(node);
    else node.end = Math.max(node.end, this.#lastEnd);
    this.#lastEnd = node.end;
    this.#attach(node, frame.value);
  }

  #closingBracket(node: MapNode | SeqNode): number {
    const close = node.kind === 'map' ? '}' : ']';
    const from = Math.max(node.start + 1, this.#lastEnd);
    const index = this.#source.indexOf(close, from);
    return index === -1 ? from : index + 1;
  }

  #attach(node: YamlNode, value: unknown): void {
    const parent = this.#stack[this.#stack.length - 1];
    if (!parent) return;
    if (parent.kind === 'doc') {
      parent.node = node;
      parent.value = value;
      parent.set = true;
      return;
    }
    parent.node.end = Math.max(parent.node.end, node.end);
    if (parent.kind === 'seq') {
      parent.node.items.push({ value: node, trivia: emptyTrivia() });
      parent.value.push(value);
      return;
    }
    if (parent.pendingKey === null) {
      parent.skipValue = false;
      parent.replaceValue = false;
      if (node.kind !== 'scalar') {
        this.#issue(
          'complex-key',
          'error',
          node.start,
          'A mapping key must be a plain string, not a collection.',
          'Use a simple `key: value` line.',
        );
        parent.pendingKey = {
          kind: 'scalar',
          value: '',
          style: 'plain',
          start: node.start,
          end: node.end,
        };
        parent.skipValue = true;
        return;
      }
      parent.pendingKey = node;
      parent.skipValue = !this.#acceptKey(parent, node);
      return;
    }
    const key = parent.pendingKey;
    parent.pendingKey = null;
    if (parent.skipValue) return;
    const keyText = String(key.value);
    const entry = { key, value: node, trivia: emptyTrivia() };
    if (parent.replaceValue) {
      const index = parent.node.entries.findIndex(
        (existing) => String(existing.key.value) === keyText,
      );
      parent.node.entries[index] = entry;
    } else {
      parent.node.entries.push(entry);
    }
    parent.value[keyText] = value;
  }

  /** Checks a key; returns whether its value may be stored. */
  #acceptKey(frame: Extract<Frame, { kind: 'map' }>, key: ScalarNode): boolean {
    const text = key.value === null ? '' : String(key.value);
    if (key.style === 'plain' && text === '<<') {
      this.#issue(
        'merge-key',
        'error',
        key.start,
        'YAML merge keys (`<<`) are not allowed.',
        'Write the merged keys out in full in this mapping.',
      );
      return false;
    }
    if (FORBIDDEN_KEYS.has(text)) {
      this.#issue(
        'forbidden-key',
        'error',
        key.start,
        `The key \`${text}\` is not allowed.`,
        `Rename or remove \`${text}\`: it could change how programs reading the data behave.`,
      );
      return false;
    }
    const first = frame.seen.get(text);
    if (first !== undefined) {
      const lenient = this.#options.duplicateKeys === 'last-wins';
      const line = this.#source.slice(0, first).split('\n').length;
      this.#issue(
        'duplicate-key',
        lenient ? 'warning' : 'error',
        key.start,
        `The key \`${text}\` appears twice in the same mapping (first on line ${line}).`,
        lenient
          ? 'The last value is used; remove the earlier one.'
          : `Keep one \`${text}\` and delete the other.`,
      );
      frame.replaceValue = lenient;
      return lenient;
    }
    frame.seen.set(text, key.start);
    return true;
  }

  #scalar(event: ScalarEvent): ScalarNode {
    const text = getScalarValue(this.#source, event);
    const style = STYLES[event.style] ?? 'plain';
    let start = event.valueStart;
    let end = event.valueEnd;
    if (start === -1) {
      start = this.#lastEnd;
      end = this.#lastEnd;
    } else if (style === 'single' || style === 'double') {
      start -= 1;
      end += 1;
    }
    this.#lastEnd = end;
    const node: ScalarNode = {
      kind: 'scalar',
      value: style === 'plain' ? resolvePlainScalar(text) : text,
      style,
      start,
      end,
    };
    if (style === 'literal' || style === 'folded') {
      node.blockIndent = event.indent;
      node.chomping =
        event.chomping === CHOMPING_MODE.STRIP
          ? 'strip'
          : event.chomping === CHOMPING_MODE.KEEP
            ? 'keep'
            : 'clip';
    }
    return node;
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
