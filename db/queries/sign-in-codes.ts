/** Sign-in codes (Auth.js's verification tokens, stored hashed): the newest one per address is the only one that works. */
import 'server-only';
import crypto from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { verificationTokens } from '@/db/schema';

type SignInCodeRow = typeof verificationTokens.$inferSelect;

const hashOf = (code: string, secret: string) => crypto.createHash('sha256').update(`${code}${secret}`).digest('hex');

/** True when an unused, unexpired code exists for the address (hashed the way Auth.js stores it). */
export async function isPendingSignInCode(email: string, code: string, secret: string, now = new Date()): Promise<boolean> {
  const hashed = hashOf(code, secret);
  const [row] = await getDb()
    .select({ expires: verificationTokens.expires })
    .from(verificationTokens)
    .where(and(eq(verificationTokens.identifier, email), eq(verificationTokens.token, hashed), gt(verificationTokens.expires, now)))
    .limit(1);
  return Boolean(row);
}

/** The address an unused, unexpired code was sent to, or null: emailed links carry only the code. */
export async function addressOfSignInCode(code: string, secret: string, now = new Date()): Promise<string | null> {
  const [row] = await getDb()
    .select({ identifier: verificationTokens.identifier })
    .from(verificationTokens)
    .where(and(eq(verificationTokens.token, hashOf(code, secret)), gt(verificationTokens.expires, now)))
    .limit(1);
  return row?.identifier ?? null;
}

/** Stores a new code for the address and voids its earlier ones, in one transaction. */
export function replaceSignInCode(row: SignInCodeRow): Promise<SignInCodeRow> {
  return withTransaction(async (tx) => {
    await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, row.identifier));
    const [stored] = await tx.insert(verificationTokens).values(row).returning();
    return stored;
  });
}

/** Voids every outstanding code for the address (too many wrong guesses). */
export async function voidSignInCodes(email: string): Promise<void> {
  await withTransaction((tx) => tx.delete(verificationTokens).where(eq(verificationTokens.identifier, email)));
}
