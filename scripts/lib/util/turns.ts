/**
 * For long CPU-bound loops that share a process with I/O (a build's leak check, the static API's
 * writer, beside Astro's output and Pagefind's replies): `await pause()` at a safe point lets
 * timers and I/O callbacks run once `budgetMs` has passed since the last pause. Awaiting promises
 * alone never does: microtasks run before any I/O callback.
 */
export function pauses(budgetMs = 10): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < budgetMs) return;
    await new Promise((resolve) => setImmediate(resolve));
    since = performance.now();
  };
}
