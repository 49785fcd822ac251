// @ts-check
/**
 * Counts kept in memory as "key → n" and handed over in one batch every couple of seconds; what a failed
 * hand-over carried is kept (within the bound) for the next try. The view counter and the redirect hit
 * counter are built on it. A crash loses at most one interval's counts.
 */

/**
 * @param {{ flush: (counts: [string, number][]) => Promise<void>; onError: (error: unknown) => void; intervalMs?: number; maxPending?: number }} options
 */
function createBatchCounter({ flush, onError, intervalMs = 2000, maxPending = 10_000 }) {
  /** key → count since the last hand-over. Bounded: past maxPending new keys are dropped. */
  let pending = new Map();

  /** @param {string} key @param {number} n */
  function increment(key, n) {
    if (!pending.has(key) && pending.size >= maxPending) return;
    pending.set(key, (pending.get(key) ?? 0) + n);
  }

  async function flushNow() {
    if (pending.size === 0) return;
    const batch = pending;
    pending = new Map();
    try {
      await flush([...batch]);
    } catch (error) {
      for (const [key, n] of batch) increment(key, n);
      onError(error);
    }
  }

  const timer = setInterval(flushNow, intervalMs);
  timer.unref();

  return { increment, flushNow, stop: () => clearInterval(timer) };
}

module.exports = { createBatchCounter };
