/**
 * Guests' comments (imported from another blog, written by someone without an account) becoming a member's:
 * when a sign-in proves the address a guest gave, every comment left with it is theirs from then on.
 */
import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { comments, posts } from '@/db/schema';
import { withTransaction } from '@/db/transaction';

/**
 * Gives the comments left with `email` (compared lower-cased) to `userId` and clears the guest's name and
 * address, in one transaction (the caller's, when there is one: an account deletion treats them as the
 * member's own). Returns the slugs of the posts whose threads now show another name.
 */
export function claimGuestComments(userId: string, email: string): Promise<string[]> {
  return withTransaction(async (tx) => {
    const address = email.trim().toLowerCase();
    if (!address) return [];
    const theirs = and(eq(comments.guestEmail, address), isNull(comments.authorId));
    const slugs = await tx.selectDistinct({ slug: posts.slug }).from(comments).innerJoin(posts, eq(posts.id, comments.postId)).where(theirs);
    if (slugs.length > 0) await tx.update(comments).set({ authorId: userId, guestName: null, guestEmail: null }).where(theirs);
    return slugs.map((row) => row.slug);
  });
}
