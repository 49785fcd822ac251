/**
 * After an import, every reader page may show something new (posts, comments, names, pages, menus). The
 * import runs in its own process, where Next cannot touch the web server's cache, so it asks the server over
 * loopback (app/api/admin/import/refresh), signed like the worker's refresh of published posts.
 */
import 'server-only';
import { env } from '@/lib/env';
import { pageRefreshToken } from '@/lib/page-refresh';

export async function refreshAllReaderPages(): Promise<void> {
  try {
    const response = await fetch(`${env.internalUrl}/api/admin/import/refresh`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${pageRefreshToken()}` },
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
  } catch (error) {
    // The import itself is done; pages catch up when their cache expires or on the next edit.
    console.error(`[hearth] could not refresh cached pages after an import: ${error instanceof Error ? error.message : String(error)}`);
  }
}
