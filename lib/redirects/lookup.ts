/**
 * Old addresses that moved: where an address that Hearth would answer 404 has gone, looked up only on the
 * way to a 404 (not-found paths and the narrow proxy for WordPress's query and date addresses), so reader
 * pages that render never pay for it. Hits are counted by the server as the redirect goes out
 * (server/redirect-hits.js), because Next answers a cached redirect without coming here again.
 */
import 'server-only';
import { permanentRedirect } from 'next/navigation';
import { findRedirectTarget } from '@/db/queries/redirects';
import { normalizeRedirectPath } from './normalize';
import { isAllowedRedirectTarget } from './target';

/** The stored target for a requested path (with its query, if any); null when none. */
export async function movedTo(requested: string): Promise<string | null> {
  const fromPath = normalizeRedirectPath(requested);
  if (!fromPath) return null;
  const toPath = await findRedirectTarget(fromPath);
  return toPath && isAllowedRedirectTarget(toPath) ? toPath : null;
}

/** A route segment encoded once, whether Next handed it over decoded ("café") or still encoded (a rewrite's "caf%C3%A9"). */
function encodeSegment(segment: string): string {
  try {
    return encodeURIComponent(decodeURIComponent(segment));
  } catch {
    return encodeURIComponent(segment);
  }
}

/** In a route about to answer 404: sends the browser on permanently if the address moved. */
export async function redirectIfMoved(segments: string[], query = new URLSearchParams()): Promise<void> {
  const target = await movedTo(`/${segments.map(encodeSegment).join('/')}?${query}`);
  if (target) permanentRedirect(target);
}
