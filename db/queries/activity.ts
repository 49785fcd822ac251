/** The activity log: who did what, when, for /admin/activity. Written in the same transaction as the change. */
import 'server-only';
import { count, desc } from 'drizzle-orm';
import { getDb, type Db, type Transaction } from '@/db/index';
import { activityLog } from '@/db/schema';

export type Actor = { id: string; name: string | null };
export type ActivityEntry = { id: number; actorName: string; action: string; subject: string; at: Date };

/**
 * Records one action, e.g. recordActivity(tx, actor, 'post.publish', '“Pacing with an energy budget”').
 * Pass the transaction that makes the change, so the log never claims something that did not happen.
 * Still synchronous: several modules call it inside their own synchronous transactions; it runs the same
 * way inside withTransaction on SQLite.
 */
export function recordActivity(writer: Pick<Db | Transaction, 'insert'>, actor: Actor, action: string, subject: string, at = new Date()): void {
  writer
    .insert(activityLog)
    .values({ actorId: actor.id, actorName: actor.name ?? 'Unnamed member', action, subject, at })
    .run();
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
