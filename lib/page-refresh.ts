/**
 * Background jobs (the worker publishing scheduled posts) run outside any request, where Next
 * cannot invalidate its page cache. They ask the web server to do it over loopback, with a signed,
 * short-lived token; slugs whose refresh failed are tried again on the next tick.
 */
import 'server-only';
import { env } from './env';
import { signToken, verifyToken } from './tokens';

const PURPOSE = 'internal-page-refresh';
const TOKEN_LIFETIME_MS = 60_000;
const waiting = new Set<string>();

export const pageRefreshToken = (now = Date.now()) => signToken(PURPOSE, { t: now });

export function isValidPageRefreshToken(token: string | undefined, now = Date.now()): boolean {
  const payload = verifyToken(PURPOSE, token);
  return typeof payload?.t === 'number' && Math.abs(now - payload.t) < TOKEN_LIFETIME_MS;
}

/** Drops the cached lists and these posts' pages (plus any left over from a failed try). */
export async function askWebServerToRefreshPages(slugs: string[]): Promise<void> {
  for (const slug of slugs) waiting.add(slug);
  if (waiting.size === 0) return;
  const batch = [...waiting];
  try {
    const response = await fetch(`${env.internalUrl}/api/internal/refresh`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${pageRefreshToken()}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ slugs: batch }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    for (const slug of batch) waiting.delete(slug);
  } catch (error) {
    console.error(`[hearth] could not refresh cached pages after publishing (will try again): ${error instanceof Error ? error.message : String(error)}`);
  }
}
