/**
 * Auth.js's Drizzle adapter, wrapped rather than forked, for two rules of Hearth's:
 * - session tokens touch the database only hashed (the cookie keeps the token), and rows from
 *   before that rule are deleted on first use, so a copy of the database gives no working session;
 * - a new sign-in code voids the address's earlier ones, in the same transaction that stores it;
 * - a new member hears of replies at once (NEW_MEMBER_REPLY_NOTIFICATIONS).
 */
import 'server-only';
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import type { Adapter, AdapterSession } from 'next-auth/adapters';
import { getDb } from '@/db/index';
import { deleteLegacySessions } from '@/db/queries/sessions';
import { replaceSignInCode } from '@/db/queries/sign-in-codes';
import { accounts, NEW_MEMBER_REPLY_NOTIFICATIONS, sessions, users, verificationTokens } from '@/db/schema';
import { hashSessionToken } from './session-token';

let legacySessionsChecked = false;

/** Once per process, before any session is read: members with a plain-text token are signed out. */
function signOutLegacySessions(): void {
  if (legacySessionsChecked) return;
  const removed = deleteLegacySessions();
  legacySessionsChecked = true;
  if (removed > 0) console.log(`[hearth] removed ${removed} session(s) stored before tokens were hashed; those members sign in again.`);
}

/** The adapter's session as Auth.js should see it: with the cookie's token, not the stored hash. */
const withToken = <S extends AdapterSession | null | undefined>(session: S, sessionToken: string): S => (session ? { ...session, sessionToken } : session);

export function hearthAdapter(): Adapter {
  const base = DrizzleAdapter(getDb(), { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens });
  const { createUser, createSession, getSessionAndUser, updateSession, deleteSession } = base as Required<Adapter>;
  return {
    ...base,
    async createUser(user) {
      // The adapter writes the row as given: Hearth's columns it does not know ride along.
      return createUser({ ...user, replyNotifications: NEW_MEMBER_REPLY_NOTIFICATIONS } as Parameters<typeof createUser>[0]);
    },
    async createSession(session) {
      signOutLegacySessions();
      return withToken(await createSession({ ...session, sessionToken: hashSessionToken(session.sessionToken) }), session.sessionToken);
    },
    async getSessionAndUser(sessionToken) {
      signOutLegacySessions();
      const found = await getSessionAndUser(hashSessionToken(sessionToken));
      return found && { ...found, session: withToken(found.session, sessionToken) };
    },
    async updateSession(session) {
      return withToken(await updateSession({ ...session, sessionToken: hashSessionToken(session.sessionToken) }), session.sessionToken);
    },
    async deleteSession(sessionToken) {
      await deleteSession(hashSessionToken(sessionToken));
    },
    async createVerificationToken(token) {
      return replaceSignInCode(token);
    },
  };
}
