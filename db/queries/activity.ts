/** The activity log: who did what, when, for /admin/activity. Written in the same transaction as the change. */
import 'server-only';
import { count, desc } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { activityLog } from '@/db/schema';

export type Actor = { id: string; name: string | null };
export type ActivityEntry = { id: number; actorName: string; action: string; subject: string; at: Date };

/**
 * Records one action, e.g. recordActivity(actor, 'post.publish', '“Pacing with an energy budget”').
 * Call it inside the withTransaction(…) that makes the change, so the log never claims something that did not happen.
 */
export async function recordActivity(actor: Actor, action: string, subject: string, at = new Date()): Promise<void> {
  await getDb()
    .insert(activityLog)
    .values({ actorId: actor.id, actorName: actor.name ?? 'Unnamed member', action, subject, at });
}

export const ACTIVITY_PER_PAGE = 50;

export async function listActivity(page: number): Promise<{ entries: ActivityEntry[]; total: number }> {
  const db = getDb();
  const entries = await db
    .select({ id: activityLog.id, actorName: activityLog.actorName, action: activityLog.action, subject: activityLog.subject, at: activityLog.at })
    .from(activityLog)
    .orderBy(desc(activityLog.at), desc(activityLog.id))
    .limit(ACTIVITY_PER_PAGE)
    .offset((page - 1) * ACTIVITY_PER_PAGE);
  const [{ n: total }] = await db.select({ n: count() }).from(activityLog);
  return { entries, total };
}
