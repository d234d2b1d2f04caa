import type {
  MapEntry,
  MapNode,
  ScalarNode,
  SeqNode,
  Trivia,
  YamlDocument,
  YamlNode,
} from './nodes.ts';
import { formatInlineString, formatKey, formatNonString } from './scalars.ts';

/**
 * Writes a YAML tree back as text in Capsule's canonical layout: block style, two-space indent,
 * sequences indented under their key, one trailing newline. Comments and blank lines travel with
 * the entries they belong to; scalars read from the source keep their spelling, so rewriting a
 * file changes only what was meant to change.
 */

export type Path = ReadonlyArray<string | number>;

export interface EmitOptions {
  /** Puts a mapping's entries in order; `path` locates the mapping. Default: keep their order. */
  orderEntries?: (path: Path, entries: MapEntry[]) => MapEntry[];
  /**
   * Strings written anew (not kept from the source) that would make their line longer than this
   * many characters are written as folded blocks (`>-`), filled to this width, where they can be
   * broken between words. Off by default: `capsule fmt` keeps every scalar as it was written.
   */
  foldWidth?: number;
}

const INDENT = 2;

export function emitYaml(doc: YamlDocument, options: EmitOptions = {}): string {
  const out: string[] = [];
  for (const comment of doc.headerComments) out.push(comment);
  if (doc.headerComments.length > 0) out.push('');
  if (doc.root) new Emitter(doc.source, options, out).root(doc.root);
  for (const comment of doc.endComments) out.push(comment);
  return out.join('\n') + '\n';
}

class Emitter {
  readonly #source: string;
  readonly #options: EmitOptions;
  readonly #out: string[];

  constructor(source: string, options: EmitOptions, out: string[]) {
    this.#source = source;
    this.#options = options;
    this.#out = out;
  }

  root(node: YamlNode): void {
    if (node.kind === 'map' && node.entries.length > 0) this.#mapEntries(node, 0, [], '');
    else if (node.kind === 'seq' && node.items.length > 0) this.#seqItems(node, 0, [], '');
    else this.#out.push(this.#inline(node, 0, 0).join('\n'));
  }

  /**
   * Writes the entries of a mapping at `indent`. The first line starts with `firstPrefix` instead
   * of spaces when the mapping sits on a sequence item's `- ` line; comments above that first
   * entry then go above the dash.
   */
  #mapEntries(node: MapNode, indent: number, path: Path, firstPrefix: string): void {
    const entries = this.#options.orderEntries
      ? this.#options.orderEntries(path, node.entries)
      : node.entries;
    entries.forEach((entry, index) => {
      const pad = ' '.repeat(indent);
      const onDash = index === 0 && firstPrefix !== '';
      this.#leading(entry.trivia, index === 0, onDash ? ' '.repeat(indent - INDENT) : pad);
      const key = `${onDash ? firstPrefix : pad}${formatKey(String(entry.key.value))}:`;
      this.#value(entry.value, key, entry.trivia, indent, [...path, String(entry.key.value)]);
    });
  }

  #seqItems(node: SeqNode, indent: number, path: Path, firstPrefix: string): void {
    node.items.forEach((item, index) => {
      const pad = ' '.repeat(indent);
      const onDash = index === 0 && firstPrefix !== '';
      const prefix = onDash ? firstPrefix : pad;
      this.#leading(item.trivia, index === 0, onDash ? ' '.repeat(indent - INDENT) : pad);
      const value = item.value;
      const itemPath = [...path, index];
      const nested =
        (value.kind === 'map' && value.entries.length > 0) ||
        (value.kind === 'seq' && value.items.length > 0);
      if (nested && item.trivia.trailing) this.#out.push(pad + item.trivia.trailing);
      if (value.kind === 'map' && value.entries.length > 0) {
        this.#mapEntries(value, indent + INDENT, itemPath, `${prefix}- `);
      } else if (value.kind === 'seq' && value.items.length > 0) {
        this.#seqItems(value, indent + INDENT, itemPath, `${prefix}- `);
      } else {
        this.#value(value, `${prefix}-`, item.trivia, indent, itemPath);
      }
    });
  }

  /** Writes `head` (a key with its colon, or a dash) followed by the value. */
  #value(node: YamlNode, head: string, trivia: Trivia, indent: number, path: Path): void {
    const trailing = trivia.trailing ? ` ${trivia.trailing}` : '';
    if (node.kind === 'map' && node.entries.length > 0) {
      this.#out.push(head + trailing);
      this.#mapEntries(node, indent + INDENT, path, '');
    } else if (node.kind === 'seq' && node.items.length > 0) {
      this.#out.push(head + trailing);
      this.#seqItems(node, indent + INDENT, path, '');
    } else {
      const lines = this.#inline(node, indent + INDENT, width(head) + 1);
      this.#out.push(`${head} ${lines[0] ?? ''}${trailing}`);
      for (const line of lines.slice(1)) this.#out.push(line);
    }
  }

  #leading(trivia: Trivia, first: boolean, pad: string): void {
    trivia.leading.forEach((line, index) => {
      if (line === null) {
        if (!(first && index === 0)) this.#out.push('');
      } else {
        this.#out.push(pad + line);
      }
    });
  }

  /**
   * A scalar or empty collection as text; a block scalar's lines follow the first. `column` is
   * where the value starts on its line.
   */
  #inline(node: YamlNode, contentIndent: number, column: number): string[] {
    if (node.kind === 'map') return ['{}'];
    if (node.kind === 'seq') return ['[]'];
    return this.#scalar(node, contentIndent, column);
  }

  #scalar(node: ScalarNode, contentIndent: number, column: number): string[] {
    const fromSource = node.start >= 0;
    if (fromSource && (node.style === 'literal' || node.style === 'folded')) {
      return this.#sourceBlock(node, contentIndent);
    }
    if (fromSource) {
      const raw = this.#source.slice(node.start, node.end);
      if (!raw.includes('\n') && (node.style !== 'plain' || raw !== '')) return [raw];
    }
    const value = node.value;
    if (typeof value !== 'string') return [formatNonString(value)];
    if (
      value.includes('\n') &&
      !/[\u0000-\u0008\u000b-\u001f\u007f\u0085\u2028\u2029\ufeff\r]/.test(value)
    ) {
      return literalBlock(value, contentIndent);
    }
    const inline = formatInlineString(value);
    const foldWidth = this.#options.foldWidth;
    if (foldWidth !== undefined && column + width(inline) > foldWidth) {
      const folded = foldedBlock(value, contentIndent, foldWidth);
      if (folded) return folded;
    }
    return [inline];
  }

  /** A block scalar from the source, re-indented, with its style and chomping kept. */
  #sourceBlock(node: ScalarNode, contentIndent: number): string[] {
    const text = this.#source.slice(node.start, node.end);
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    const sourceIndent = node.blockIndent ?? 0;
    const body = lines.map((line) => (line.trim() === '' ? '' : line.slice(sourceIndent)));
    const indicator = (body.find((line) => line !== '') ?? '').startsWith(' ')
      ? String(INDENT)
      : '';
    const chomp = node.chomping === 'strip' ? '-' : node.chomping === 'keep' ? '+' : '';
    const pad = ' '.repeat(contentIndent);
    return [
      `${node.style === 'literal' ? '|' : '>'}${indicator}${chomp}`,
      ...body.map((line) => (line === '' ? '' : pad + line)),
    ];
  }
}

/** Characters, as people count them (code points, not UTF-16 units). */
function width(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * A one-line string as a folded block (`>-`), filled to `foldWidth`; undefined when it cannot be
 * broken so that it reads back the same: a folded line break reads as one space, so breaks go only
 * at single spaces between words, and no line may start with white space.
 */
function foldedBlock(
  value: string,
  contentIndent: number,
  foldWidth: number,
): string[] | undefined {
  if (value !== value.trim() || /[\u0000-\u001f\u007f\u0085\u2028\u2029\ufeff]/.test(value)) {
    return undefined;
  }
  const words = value.split(/(?<=\S) (?=\S)/);
  if (words.length < 2) return undefined;
  const room = foldWidth - contentIndent;
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line === '') line = word;
    else if (width(line) + 1 + width(word) <= room) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  const pad = ' '.repeat(contentIndent);
  return ['>-', ...lines.map((text) => pad + text)];
}

function literalBlock(value: string, contentIndent: number): string[] {
  const trailingNewlines = value.length - value.replace(/\n+$/, '').length;
  const chomp = trailingNewlines === 0 ? '-' : trailingNewlines === 1 ? '' : '+';
  const body = value.replace(/\n+$/, '').split('\n');
  if (trailingNewlines > 1) for (let i = 1; i < trailingNewlines; i++) body.push('');
  const indicator = body[0]?.startsWith(' ') ? String(INDENT) : '';
  const pad = ' '.repeat(contentIndent);
  return [`|${indicator}${chomp}`, ...body.map((line) => (line === '' ? '' : pad + line))];
}
