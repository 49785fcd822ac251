/**
 * Old addresses that moved: where an address that Hearth would answer 404 has gone, looked up only on the
 * way to a 404 (not-found paths and the narrow proxy for WordPress's query and date addresses), so reader
 * pages that render never pay for it. Counting the hit must never cost the visitor the redirect.
 */
import 'server-only';
import { permanentRedirect } from 'next/navigation';
import { findRedirect, recordRedirectHit } from '@/db/queries/redirects';
import { normalizeRedirectPath } from './normalize';
import { isAllowedRedirectTarget } from './target';

/** The stored target for a requested path (with its query, if any), its hit counted; null when none. */
export function movedTo(requested: string, now = new Date()): string | null {
  const fromPath = normalizeRedirectPath(requested);
  if (!fromPath) return null;
  const found = findRedirect(fromPath);
  if (!found || !isAllowedRedirectTarget(found.toPath)) return null;
  try {
    recordRedirectHit(found.id, now);
  } catch (error) {
    // The address is not logged: it can name a person (an author's page, a post's title).
    // Its message, read without instanceof: the driver's errors can come from another realm (jest's sandbox).
    const message = typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
    console.error(`[hearth] could not count a hit on redirect ${found.id}: ${message}`);
  }
  return found.toPath;
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
export function redirectIfMoved(segments: string[], query = new URLSearchParams()): void {
  const target = movedTo(`/${segments.map(encodeSegment).join('/')}?${query}`);
  if (target) permanentRedirect(target);
}
