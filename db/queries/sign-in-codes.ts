/** Sign-in codes (Auth.js's verification tokens, stored hashed): the newest one per address is the only one that works. */
import 'server-only';
import crypto from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { verificationTokens } from '@/db/schema';

type SignInCodeRow = typeof verificationTokens.$inferSelect;

const hashOf = (code: string, secret: string) => crypto.createHash('sha256').update(`${code}${secret}`).digest('hex');

/** True when an unused, unexpired code exists for the address (hashed the way Auth.js stores it). */
export function isPendingSignInCode(email: string, code: string, secret: string, now = new Date()): boolean {
  const hashed = hashOf(code, secret);
  const row = getDb()
    .select({ expires: verificationTokens.expires })
    .from(verificationTokens)
    .where(and(eq(verificationTokens.identifier, email), eq(verificationTokens.token, hashed), gt(verificationTokens.expires, now)))
    .get();
  return Boolean(row);
}

/** The address an unused, unexpired code was sent to, or null: emailed links carry only the code. */
export function addressOfSignInCode(code: string, secret: string, now = new Date()): string | null {
  const row = getDb()
    .select({ identifier: verificationTokens.identifier })
    .from(verificationTokens)
    .where(and(eq(verificationTokens.token, hashOf(code, secret)), gt(verificationTokens.expires, now)))
    .get();
  return row?.identifier ?? null;
}

/** Stores a new code for the address and voids its earlier ones, in one transaction. */
export function replaceSignInCode(row: SignInCodeRow): SignInCodeRow {
  return getDb().transaction(
    (tx) => {
      tx.delete(verificationTokens).where(eq(verificationTokens.identifier, row.identifier)).run();
      return tx.insert(verificationTokens).values(row).returning().get();
    },
    { behavior: 'immediate' },
  );
}

/** Voids every outstanding code for the address (too many wrong guesses). */
export function voidSignInCodes(email: string): void {
  getDb().delete(verificationTokens).where(eq(verificationTokens.identifier, email)).run();
}
