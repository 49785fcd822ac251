/**
 * Upkeep of the sessions table outside Auth.js's adapter. Rows written before tokens were stored
 * hashed hold a usable token in plain text; they are deleted, which signs those members out cleanly.
 */
import 'server-only';
import { eq, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { sessions, users, type UserRole } from '@/db/schema';

/** Deletes every session whose stored token is not a SHA-256 hex digest (64 of 0-9a-f); returns how many. */
export function deleteLegacySessions(): number {
  return getDb()
    .delete(sessions)
    .where(or(sql`length(${sessions.sessionToken}) <> 64`, sql`${sessions.sessionToken} GLOB '*[^0-9a-f]*'`))
    .run().changes;
}

export type StoredSession = { expires: Date; user: { id: string; name: string | null; role: UserRole } };

/** The session stored under `tokenHash` and its member, as lib/stored-session.ts reads it. */
export function getStoredSession(tokenHash: string): StoredSession | null {
  return (
    getDb()
      .select({ expires: sessions.expires, user: { id: users.id, name: users.name, role: users.role } })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.sessionToken, tokenHash))
      .get() ?? null
  );
}
