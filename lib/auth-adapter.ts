/**
 * Auth.js's Drizzle adapter, wrapped rather than forked, for Hearth's rules:
 * - every write it makes runs inside withTransaction, on the writing connection;
 * - session tokens touch the database only hashed (the cookie keeps the token), and rows from
 *   before that rule are deleted on first use, so a copy of the database gives no working session;
 * - a new sign-in code voids the address's earlier ones, in the same transaction that stores it;
 * - a new member hears of replies at once (NEW_MEMBER_REPLY_NOTIFICATIONS).
 */
import 'server-only';
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import type { Adapter, AdapterSession } from 'next-auth/adapters';
import { getDb, type Db } from '@/db/index';
import { deleteLegacySessions } from '@/db/queries/sessions';
import { replaceSignInCode } from '@/db/queries/sign-in-codes';
import { withTransaction } from '@/db/transaction';
import { accounts, NEW_MEMBER_REPLY_NOTIFICATIONS, sessions, users, verificationTokens } from '@/db/schema';
import { hashSessionToken } from './session-token';

let legacySessionsChecked = false;

/** Once per process, before any session is read: members with a plain-text token are signed out. */
async function signOutLegacySessions(): Promise<void> {
  if (legacySessionsChecked) return;
  const removed = await deleteLegacySessions();
  legacySessionsChecked = true;
  if (removed > 0) console.log(`[hearth] removed ${removed} session(s) stored before tokens were hashed; those members sign in again.`);
}

/** The adapter's session as Auth.js should see it: with the cookie's token, not the stored hash. */
const withToken = <S extends AdapterSession | null | undefined>(session: S, sessionToken: string): S => (session ? { ...session, sessionToken } : session);

/** Auth.js's Drizzle adapter on one connection: the reading one, or the transaction a write runs in. */
const drizzleOn = (db: Db) => DrizzleAdapter(db, { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens }) as Required<Adapter>;

/** Every write of the adapter's goes through withTransaction, like all of Hearth's writes (db/transaction.ts). */
const inTransaction = <T>(write: (adapter: Required<Adapter>) => Promise<T>): Promise<T> => withTransaction((tx) => write(drizzleOn(tx)));

export function hearthAdapter(): Adapter {
  const base = drizzleOn(getDb());
  return {
    ...base,
    async createUser(user) {
      // The adapter writes the row as given: Hearth's columns it does not know ride along.
      return inTransaction(async (a) => a.createUser({ ...user, replyNotifications: NEW_MEMBER_REPLY_NOTIFICATIONS } as Parameters<typeof a.createUser>[0]));
    },
    updateUser: (user) => inTransaction(async (a) => a.updateUser(user)),
    async deleteUser(userId) {
      await inTransaction(async (a) => a.deleteUser(userId));
    },
    async linkAccount(account) {
      await inTransaction(async (a) => a.linkAccount(account));
    },
    async unlinkAccount(account) {
      await inTransaction(async (a) => a.unlinkAccount(account));
    },
    createAuthenticator: (authenticator) => inTransaction(async (a) => a.createAuthenticator(authenticator)),
    updateAuthenticatorCounter: (credentialID, counter) => inTransaction(async (a) => a.updateAuthenticatorCounter(credentialID, counter)),
    useVerificationToken: (params) => inTransaction(async (a) => a.useVerificationToken(params)),
    async createSession(session) {
      await signOutLegacySessions();
      return withToken(await inTransaction(async (a) => a.createSession({ ...session, sessionToken: hashSessionToken(session.sessionToken) })), session.sessionToken);
    },
    async getSessionAndUser(sessionToken) {
      await signOutLegacySessions();
      const found = await base.getSessionAndUser(hashSessionToken(sessionToken));
      return found && { ...found, session: withToken(found.session, sessionToken) };
    },
    async updateSession(session) {
      return withToken(await inTransaction(async (a) => a.updateSession({ ...session, sessionToken: hashSessionToken(session.sessionToken) })), session.sessionToken);
    },
    async deleteSession(sessionToken) {
      await inTransaction(async (a) => a.deleteSession(hashSessionToken(sessionToken)));
    },
    async createVerificationToken(token) {
      return replaceSignInCode(token);
    },
  };
}
