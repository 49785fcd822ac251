/**
 * Starts a database session the way Auth.js's email sign-in does (same table, same hashed token, same
 * cookie and lifetime), for a sign-in proven some other way: a comment's emailed confirmation link.
 * Auth.js then reads it like any of its own.
 */
import 'server-only';
import { cookies } from 'next/headers';
import { insertSession } from '@/db/queries/waiting-comments';
import { env } from './env';
import { generateSessionToken, hashSessionToken } from './session-token';

/** Auth.js's default session lifetime. */
const SESSION_SECONDS = 30 * 24 * 60 * 60;

export async function startEmailSession(userId: string, now = new Date()): Promise<void> {
  const token = generateSessionToken();
  insertSession(userId, hashSessionToken(token), new Date(now.getTime() + SESSION_SECONDS * 1000));
  const secure = env.siteUrl.startsWith('https:');
  (await cookies()).set(secure ? '__Secure-authjs.session-token' : 'authjs.session-token', token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: SESSION_SECONDS,
  });
}
