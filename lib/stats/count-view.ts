/**
 * Stores the views the server counted (server/view-counter.js already left out bots, tools, prefetches and
 * readers who ask not to be tracked): only paths of pages readers can see now are counted, by the day
 * lib/stats/day.ts names, with the referring site's host when it is another site.
 */
import 'server-only';
import { countViewRows, findReaderPage, isCountingViews, type ViewRow } from '@/db/queries/page-views';
import { getSiteIdentity } from '@/db/queries/settings';
import { env } from '@/lib/env';
import { readerPath, referringHost } from '@/server/view-rules';
import { statsDay } from './day';

export type CollectedView = { path: string; referrer: string; n: number };

/** Returns how many views were stored (none while an admin has turned counting off). */
export async function countViews(views: CollectedView[], now = new Date()): Promise<number> {
  if (views.length === 0 || !(await isCountingViews())) return 0;
  const ownHostname = new URL(env.siteUrl).hostname;
  const found = new Map<string, { postId: number | null } | undefined>();
  const rows: ViewRow[] = [];
  for (const view of views) {
    const target = readerPath(view.path);
    if (!target) continue;
    if (!found.has(target.path)) found.set(target.path, await findReaderPage(target, now));
    const page = found.get(target.path);
    if (page) rows.push({ path: target.path, postId: page.postId, referrerHost: referringHost(view.referrer, [ownHostname]), views: view.n });
  }
  await countViewRows(statsDay(now, (await getSiteIdentity()).timeZone), rows);
  return rows.reduce((sum, row) => sum + row.views, 0);
}
