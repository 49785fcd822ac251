/**
 * Session tokens as the database keeps them: the cookie carries a 256-bit random token, the sessions
 * table only its SHA-256, so a copy of the database holds no session anyone can use. No secret is
 * needed for that (the token is too long to guess from its hash), which also lets tests and tools
 * write a session row for a token they chose.
 */
import crypto from 'node:crypto';

/** A new session token for the cookie: 32 random bytes. */
export const generateSessionToken = (): string => crypto.randomBytes(32).toString('base64url');

/** What the sessions table stores for a cookie's token: 64 lower-case hex digits. */
export const hashSessionToken = (token: string): string => crypto.createHash('sha256').update(token).digest('hex');
