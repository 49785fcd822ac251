/** A member's own account on /account: what they see of themselves (their email included) and their display name. */
import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { users } from '@/db/schema';

/** What a member sees of themselves on /account (their own email included). */
export type OwnAccount = { id: string; name: string | null; email: string; role: string; replyNotifications: string; joinedAt: string };

export async function getOwnAccount(userId: string): Promise<OwnAccount | null> {
  const [row] = await getDb()
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, replyNotifications: users.replyNotifications, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row ? { id: row.id, name: row.name, email: row.email, role: row.role, replyNotifications: row.replyNotifications, joinedAt: row.createdAt.toISOString() } : null;
}

export async function updateDisplayName(userId: string, name: string): Promise<void> {
  await withTransaction((tx) => tx.update(users).set({ name }).where(eq(users.id, userId)));
}
