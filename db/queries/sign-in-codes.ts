/** Checks a typed sign-in code before handing it to Auth.js, so a typo gets a message instead of a dead end. */
import 'server-only';
import crypto from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { verificationTokens } from '@/db/schema';

/** True when an unused, unexpired code exists for the address (hashed the way Auth.js stores it). */
export function isPendingSignInCode(email: string, code: string, secret: string, now = new Date()): boolean {
  const hashed = crypto.createHash('sha256').update(`${code}${secret}`).digest('hex');
  const row = getDb()
    .select({ expires: verificationTokens.expires })
    .from(verificationTokens)
    .where(and(eq(verificationTokens.identifier, email), eq(verificationTokens.token, hashed), gt(verificationTokens.expires, now)))
    .get();
  return Boolean(row);
}
