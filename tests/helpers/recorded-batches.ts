/** What a server counter (server/batch-counter.js) hands over, recorded batch by batch; `failNext()` makes the next hand-over fail once. */
export function recordedBatches<T>() {
  let failing = false;
  const recorded = {
    batches: [] as T[][],
    errors: [] as unknown[],
    failNext: () => {
      failing = true;
    },
    async flush(batch: T[]) {
      if (failing) {
        failing = false;
        throw new Error('app restarting');
      }
      recorded.batches.push(batch);
    },
    onError: (error: unknown) => recorded.errors.push(error),
  };
  return recorded;
}
