/**
 * Who is signed in, read straight from the sessions table in the common case. Auth.js's own read
 * (`auth()`) builds its whole request pipeline for every call (options, adapter, a CSRF token hashed
 * with WebCrypto, cookies): on a comment or `/api/me` that was most of the route's own time. This
 * answers only what it can answer exactly as Auth.js would:
 * - no session cookie at all: nobody;
 * - the cookie Auth.js would read, whose stored session is unexpired and not yet due for Auth.js's
 *   daily renewal: that member.
 * Everything else (expired, due for renewal, unknown or legacy tokens, chunked cookies) is left to
 * `auth()`, so Auth.js still renews, ends and deletes sessions itself.
 */
import 'server-only';
import { createActionURL } from '@auth/core';
import { cookies, headers } from 'next/headers';
import { getStoredSession, type StoredSession } from '@/db/queries/sessions';
import { SESSION_COOKIE_NAMES, SESSION_MAX_AGE_SECONDS, SESSION_UPDATE_AGE_SECONDS, sessionCookieName } from './session-cookie';
import { hashSessionToken } from './session-token';

/** The member, `null` for nobody, or `undefined` when only Auth.js can tell. */
export async function readStoredSession(now = Date.now()): Promise<StoredSession['user'] | null | undefined> {
  const jar = await cookies();
  const sessionCookies = jar.getAll().filter(({ name }) => SESSION_COOKIE_NAMES.some((prefix) => name.startsWith(prefix)));
  if (sessionCookies.length === 0) return null;
  // The cookie name Auth.js picks for this request: from its address as Auth.js works it out (AUTH_URL, or the forwarded protocol and host).
  const requestHeaders = await headers();
  const secure = createActionURL('session', requestHeaders.get('x-forwarded-proto') ?? 'https', requestHeaders, process.env, {}).protocol === 'https:';
  // Auth.js joins every cookie whose name starts with its own (chunks): only a lone, whole cookie is read here.
  const name = sessionCookieName(secure);
  const ours = sessionCookies.filter((cookie) => cookie.name.startsWith(name));
  const token = ours.length === 1 && ours[0].name === name ? ours[0].value : '';
  if (!token) return undefined;
  const stored = await getStoredSession(hashSessionToken(token));
  if (!stored) return undefined;
  const expires = stored.expires.getTime();
  const dueForRenewal = expires - SESSION_MAX_AGE_SECONDS * 1000 + SESSION_UPDATE_AGE_SECONDS * 1000 <= now;
  return expires > now && !dueForRenewal ? stored.user : undefined;
}
