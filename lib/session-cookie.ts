/**
 * Auth.js's database-session cookie and lifetimes, written out once: Hearth starts sessions of its own
 * (lib/email-session.ts), deletes the cookie with an account, and reads sessions directly
 * (lib/stored-session.ts), all of which must agree with what Auth.js does.
 */

/** The cookie's name: Auth.js adds `__Secure-` when the request's address is https. */
export const sessionCookieName = (secure: boolean): string => `${secure ? '__Secure-' : ''}authjs.session-token`;
export const SESSION_COOKIE_NAMES = [sessionCookieName(false), sessionCookieName(true)] as const;

/** A session lasts 30 days after its last renewal (Auth.js's default maxAge). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
/** Auth.js renews a session it reads at most once a day (its default updateAge). */
export const SESSION_UPDATE_AGE_SECONDS = 24 * 60 * 60;
