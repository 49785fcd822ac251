/** Sign-in codes (Auth.js's verification tokens, stored hashed): the newest one per address is the only one that works. */
import 'server-only';
import crypto from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { verificationTokens } from '@/db/schema';

type SignInCodeRow = typeof verificationTokens.$inferSelect;

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

/** Stores a new code for the address and voids its earlier ones, in one transaction. */
export function replaceSignInCode(row: SignInCodeRow): SignInCodeRow {
  return getDb().transaction((tx) => {
    tx.delete(verificationTokens).where(eq(verificationTokens.identifier, row.identifier)).run();
    return tx.insert(verificationTokens).values(row).returning().get();
  }, { behavior: 'immediate' });
}

/** Voids every outstanding code for the address (too many wrong guesses). */
export function voidSignInCodes(email: string): void {
  getDb().delete(verificationTokens).where(eq(verificationTokens.identifier, email)).run();
}
