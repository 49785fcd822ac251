/** Reading pages over HTTP from one instance or through nginx, and waiting for what they show. */
import { pastSharedPageCache } from '../../e2e/shared-page-cache';

export type PageAnswer = { status: number; html: string; ms: number; nextCache: string | null };

/** One anonymous GET, timed; bounded so a hanging instance fails the test instead of holding it. */
export async function readPage(baseUrl: string, pathname: string, timeoutMs = 10_000): Promise<PageAnswer> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${pathname}`, { signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
  const html = await response.text();
  return { status: response.status, html, ms: performance.now() - started, nextCache: response.headers.get('x-nextjs-cache') };
}

/**
 * Each instance renders (or takes from the shared cache) the page, then the in-process one-second page cache
 * of every instance runs out: what a later request shows comes from Next's cache, the thing under test.
 */
export async function warm(baseUrls: string[], pathname: string): Promise<void> {
  for (const baseUrl of baseUrls) {
    const { status } = await readPage(baseUrl, pathname);
    if (status !== 200) throw new Error(`${baseUrl}${pathname} answered ${status} while warming`);
  }
  await pastSharedPageCache();
}

/**
 * Polls each base URL until its page contains `text`. Resolves with, for each, when the first request that
 * got it was sent (ms after `since`, a `performance.now()`), or null when none sent within `withinMs` did.
 */
export async function timesUntilShown(baseUrls: string[], pathname: string, text: string, since: number, withinMs: number): Promise<(number | null)[]> {
  return Promise.all(
    baseUrls.map(async (baseUrl) => {
      for (let sent = performance.now(); sent - since <= withinMs; sent = performance.now()) {
        const page = await readPage(baseUrl, pathname);
        if (page.status === 200 && page.html.includes(text)) return Math.round(sent - since);
        await new Promise((r) => setTimeout(r, 50));
      }
      return null;
    }),
  );
}

/**
 * Renders the page through `renderer`, then asks each of `others` for it (past their one-second page caches)
 * until all answer it from Next's cache, the one they share, or `withinMs` has passed. Resolves with the
 * others' last `x-nextjs-cache` verdicts. (The shared cache may decline an entry made within a moment of an
 * invalidation, so the first renders after a change need not be kept.)
 */
export async function sharedCacheVerdicts(renderer: string, others: string[], pathname: string, withinMs: number): Promise<(string | null)[]> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    await readPage(renderer, pathname);
    await pastSharedPageCache();
    const verdicts = await Promise.all(others.map(async (baseUrl) => (await readPage(baseUrl, pathname)).nextCache));
    if (Date.now() >= deadline || verdicts.every((verdict) => verdict === 'HIT')) return verdicts;
  }
}
