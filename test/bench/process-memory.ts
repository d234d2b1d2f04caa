import { readFileSync, readdirSync } from 'node:fs';

/**
 * Peak memory of a process and all its descendants (Astro's process, Pagefind's binary...), by
 * sampling /proc: the largest sum of resident set sizes seen at any sample.
 */
export function watchTreeMemory(rootPid: number, intervalMs = 100): { stop(): number } {
  let peak = 0;
  const sample = () => {
    const children = new Map<number, number[]>();
    const rss = new Map<number, number>();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const status = readFileSync(`/proc/${name}/status`, 'utf8');
        const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
        const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
        rss.set(Number(name), kb);
        const list = children.get(ppid) ?? [];
        list.push(Number(name));
        children.set(ppid, list);
      } catch {
        // The process ended while we looked.
      }
    }
    let total = 0;
    const stack = [rootPid];
    while (stack.length > 0) {
      const pid = stack.pop() as number;
      total += rss.get(pid) ?? 0;
      stack.push(...(children.get(pid) ?? []));
    }
    peak = Math.max(peak, total);
  };
  const timer = setInterval(sample, intervalMs);
  sample();
  return {
    stop() {
      clearInterval(timer);
      return peak * 1024;
    },
  };
}
