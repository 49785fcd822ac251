/**
 * Stores the uses of moved addresses the server counted as it answered them (server/redirect-hits.js): each
 * requested path is normalized as the lookup normalizes it, so "/old/", "/OLD" and "/old?utm_source=x" add to
 * one row; paths that match no stored redirect change nothing.
 */
import 'server-only';
import { addRedirectHits } from '@/db/queries/redirects';
import { normalizeRedirectPath } from './normalize';

export type CountedRedirectHit = { path: string; n: number };

export async function countRedirectHits(hits: CountedRedirectHit[], now = new Date()): Promise<void> {
  const byFromPath = new Map<string, number>();
  for (const { path, n } of hits) {
    const fromPath = normalizeRedirectPath(path);
    if (fromPath) byFromPath.set(fromPath, (byFromPath.get(fromPath) ?? 0) + n);
  }
  await addRedirectHits(
    [...byFromPath].map(([fromPath, n]) => ({ fromPath, n })),
    now,
  );
}
