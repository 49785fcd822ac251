/**
 * Upkeep of the sessions table outside Auth.js's adapter. Rows written before tokens were stored
 * hashed hold a usable token in plain text; they are deleted, which signs those members out cleanly.
 */
import 'server-only';
import { eq, or, sql } from 'drizzle-orm';
import { hasNonHexCharacter } from '@/db/dialect';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { sessions, users, type UserRole } from '@/db/schema';

/** Deletes every session whose stored token is not a SHA-256 hex digest (64 of 0-9a-f); returns how many. */
export async function deleteLegacySessions(): Promise<number> {
  const removed = await withTransaction((tx) =>
    tx
      .delete(sessions)
      .where(or(sql`length(${sessions.sessionToken}) <> 64`, hasNonHexCharacter(sessions.sessionToken)))
      .returning({ userId: sessions.userId }),
  );
  return removed.length;
}

export type StoredSession = { expires: Date; user: { id: string; name: string | null; role: UserRole } };

/** The session stored under `tokenHash` and its member, as lib/stored-session.ts reads it. */
export async function getStoredSession(tokenHash: string): Promise<StoredSession | null> {
  const [row] = await getDb()
    .select({ expires: sessions.expires, user: { id: users.id, name: users.name, role: users.role } })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.sessionToken, tokenHash))
    .limit(1);
  return row ?? null;
}
