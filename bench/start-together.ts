/**
 * Starts several processes as one unit (a database and its server, Redis and two instances behind nginx).
 * `start` hands each part's stop to `onStop` as the part comes up. If starting fails half-way, the parts already
 * up are stopped, last first, and the error is passed on. The unit's `stop()` ends them all, last first.
 */
export async function startTogether<T>(start: (onStop: (step: () => Promise<void>) => void) => Promise<T>): Promise<T & { stop: () => Promise<void> }> {
  const steps: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const step of steps.reverse()) await step();
    steps.length = 0;
  };
  try {
    return { ...(await start((step) => steps.push(step))), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
