/** Turns offsets into 1-based line and column numbers, for diagnostics. */
export interface Position {
  line: number;
  column: number;
}

export class LineIndex {
  readonly #starts: number[];

  constructor(text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.#starts = starts;
  }

  /** The 1-based line and column of an offset. */
  position(offset: number): Position {
    let low = 0;
    let high = this.#starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.#starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.#starts[low] ?? 0) + 1 };
  }

  /** The offset where a 1-based line starts. */
  lineStart(line: number): number {
    return this.#starts[line - 1] ?? this.#starts[this.#starts.length - 1] ?? 0;
  }

  get lineCount(): number {
    return this.#starts.length;
  }
}
