/**
 * Progress for long work on a terminal: one line rewritten in place, at most ten times a second.
 * Silent when stderr is not a terminal (CI logs want the result, not a stream of counters).
 */
export interface Progress {
  update(done: number, total: number): void;
  done(message?: string): void;
}

export function createProgress(
  stream: { write(text: string): unknown; isTTY?: boolean },
  label: string,
): Progress {
  if (!stream.isTTY) return { update() {}, done() {} };
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (done !== total && now - last < 100) return;
      last = now;
      shown = true;
      const width = 24;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      stream.write(
        `\r\u001b[2K${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`,
      );
    },
    done(message) {
      if (shown) stream.write('\r\u001b[2K');
      if (message) stream.write(`${message}\n`);
    },
  };
}
