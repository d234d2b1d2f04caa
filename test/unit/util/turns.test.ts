import { describe, expect, it } from 'vitest';
import { pauses } from '../../../scripts/lib/util/turns.ts';

/** Long CPU-bound loops that await `pause()` let I/O callbacks and timers in. */
describe('pauses', () => {
  const busy = (ms: number) => {
    const until = performance.now() + ms;
    while (performance.now() < until);
  };

  it('lets a timer run during a long loop, which awaiting promises alone does not', async () => {
    const loop = async (pause: () => Promise<void>) => {
      let fired = false;
      const timer = setTimeout(() => (fired = true), 0);
      let firedDuring = false;
      for (let step = 0; step < 20; step++) {
        busy(5);
        await pause();
        firedDuring ||= fired;
      }
      clearTimeout(timer);
      return firedDuring;
    };
    expect(await loop(pauses(10))).toBe(true);
    expect(await loop(() => Promise.resolve())).toBe(false);
  });

  it('does not yield before its budget is spent', async () => {
    const pause = pauses(60_000);
    let ran = false;
    const immediate = setImmediate(() => (ran = true));
    for (let step = 0; step < 100; step++) await pause();
    expect(ran).toBe(false);
    clearImmediate(immediate);
  });
});
