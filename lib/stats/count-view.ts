/**
 * One beacon from a reader page, decided: counted (path, and the referring site when it is another
 * one) or dropped without storing anything. The browser, the reader's privacy signals and the path
 * are all checked before the database is touched.
 */
import 'server-only';
import { countView, findReaderPage, isCountingViews } from '@/db/queries/page-views';
import { env } from '@/lib/env';
import { asksNotToBeTracked, isReaderBrowser, readerPath, referringHost } from './counting-rules';
import { statsDay } from './day';

export type ViewOutcome = 'counted' | 'not-a-reader' | 'opted-out' | 'not-a-reader-page' | 'counting-off';

type Beacon = { headers: { get(name: string): string | null }; body: Record<string, unknown> };

/** Our own names: the site's address, and the Host this request came to (a proxy may answer on another). */
function ownHostnames(headers: Beacon['headers']): string[] {
  const names = [new URL(env.siteUrl).hostname];
  const host = headers.get('host');
  if (host) names.push(host.replace(/:\d+$/, ''));
  return names;
}

export function countBeacon({ headers, body }: Beacon, now = new Date()): ViewOutcome {
  if (!isReaderBrowser(headers.get('user-agent'))) return 'not-a-reader';
  if (asksNotToBeTracked(headers)) return 'opted-out';
  const target = readerPath(body.path);
  if (!target) return 'not-a-reader-page';
  if (!isCountingViews()) return 'counting-off';
  const found = findReaderPage(target, now);
  if (!found) return 'not-a-reader-page';
  countView({ day: statsDay(now), path: target.path, postId: found.postId, referrerHost: referringHost(body.referrer, ownHostnames(headers)) });
  return 'counted';
}
