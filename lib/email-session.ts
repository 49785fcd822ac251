/**
 * Starts a database session the way Auth.js's email sign-in does (same table, same hashed token, same
 * cookie and lifetime), for a sign-in proven some other way: a comment's emailed confirmation link.
 * Auth.js then reads it like any of its own.
 */
import 'server-only';
import { cookies } from 'next/headers';
import { insertSession } from '@/db/queries/waiting-comments';
import { env } from './env';
import { SESSION_MAX_AGE_SECONDS, sessionCookieName } from './session-cookie';
import { generateSessionToken, hashSessionToken } from './session-token';

export async function startEmailSession(userId: string, now = new Date()): Promise<void> {
  const token = generateSessionToken();
  await insertSession(userId, hashSessionToken(token), new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000));
  const secure = env.siteUrl.startsWith('https:');
  (await cookies()).set(sessionCookieName(secure), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}
