/**
 * Guests' comments (imported from another blog, written by someone without an account) becoming a member's:
 * when a sign-in proves the address a guest gave, every comment left with it is theirs from then on.
 */
import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { type Db, type Transaction } from '@/db/index';
import { comments, posts } from '@/db/schema';
import { withTransaction } from '@/db/transaction';

/**
 * Gives the comments left with `email` (compared lower-cased) to `userId` and clears the guest's name and
 * address, in one transaction. Returns the slugs of the posts whose threads now show another name.
 */
export function claimGuestComments(userId: string, email: string): Promise<string[]> {
  return withTransaction(async (tx) => claimGuestCommentsIn(tx, userId, email));
}

/**
 * The same inside the caller's transaction (an account deletion treats them as the member's own). Still
 * synchronous: account-deletion calls it inside its own synchronous transaction.
 */
export function claimGuestCommentsIn(tx: Db | Transaction, userId: string, email: string): string[] {
  const address = email.trim().toLowerCase();
  if (!address) return [];
  const theirs = and(eq(comments.guestEmail, address), isNull(comments.authorId));
  const slugs = tx.selectDistinct({ slug: posts.slug }).from(comments).innerJoin(posts, eq(posts.id, comments.postId)).where(theirs).all();
  if (slugs.length > 0) tx.update(comments).set({ authorId: userId, guestName: null, guestEmail: null }).where(theirs).run();
  return slugs.map((row) => row.slug);
}
