/** Public reads of people: only what may be shown to anyone (never an email address). */
import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { listCommentsByAuthor, releaseCommentsOfMember, type DeletedMemberComments } from '@/db/queries/comments';
import { deleteSubscriberByEmail, getSubscriberByEmail } from '@/db/queries/subscribers';
import { accounts, posts, users } from '@/db/schema';

export type AuthorProfile = { id: string; slug: string; name: string; bio: string };

export function getAuthorBySlug(slug: string): AuthorProfile | null {
  const row = getDb()
    .select({ id: users.id, slug: users.slug, name: users.name, bio: users.bio })
    .from(users)
    .where(eq(users.slug, slug))
    .get();
  if (!row || !row.slug) return null;
  return { id: row.id, slug: row.slug, name: row.name ?? 'Unnamed author', bio: row.bio ?? '' };
}

export function promoteToAdmin(userId: string): void {
  getDb().update(users).set({ role: 'admin' }).where(eq(users.id, userId)).run();
}

/** What a member sees of themselves on /account (their own email included). */
export type OwnAccount = { id: string; name: string | null; email: string; role: string; replyNotifications: string; joinedAt: string };

export function getOwnAccount(userId: string): OwnAccount | null {
  const row = getDb()
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, replyNotifications: users.replyNotifications, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  return row
    ? { id: row.id, name: row.name, email: row.email, role: row.role, replyNotifications: row.replyNotifications, joinedAt: row.createdAt.toISOString() }
    : null;
}

export function updateDisplayName(userId: string, name: string): void {
  getDb().update(users).set({ name }).where(eq(users.id, userId)).run();
}

/** Everything stored about a member, for "download my data". */
export function exportUserData(userId: string) {
  const db = getDb();
  const profile = getOwnAccount(userId);
  if (!profile) return null;
  const signInMethods = db
    .select({ provider: accounts.provider })
    .from(accounts)
    .where(eq(accounts.userId, userId))
    .all()
    .map((a) => a.provider);
  const authoredPosts = db.select({ slug: posts.slug, title: posts.title, status: posts.status }).from(posts).where(eq(posts.authorId, userId)).all();
  const subscriber = getSubscriberByEmail(profile.email);
  const subscription = subscriber && {
    email: subscriber.email,
    status: subscriber.status,
    frequency: subscriber.frequency,
    categories: subscriber.allCategories ? 'all' : subscriber.categoryIds,
    subscribedAt: subscriber.createdAt,
    confirmedAt: subscriber.confirmedAt,
  };
  return { profile, signInMethods, authoredPosts, comments: listCommentsByAuthor(userId), subscription };
}

/** What happened, and the posts whose threads changed (their pages must be refreshed). */
export type DeleteAccountResult = { outcome: 'deleted' | 'has-posts' | 'not-found'; postSlugs: string[] };

/**
 * Removes the member, their sessions and linked sign-in methods (cascade), their email subscription, and keeps
 * or erases their comments as they chose, in one transaction. Authors keep their account until their posts move.
 */
export function deleteUser(userId: string, comments: DeletedMemberComments): DeleteAccountResult {
  return getDb().transaction((tx) => {
    if (tx.select({ id: posts.id }).from(posts).where(eq(posts.authorId, userId)).get()) return { outcome: 'has-posts', postSlugs: [] };
    const postSlugs = releaseCommentsOfMember(tx, userId, comments);
    const email = tx.select({ email: users.email }).from(users).where(eq(users.id, userId)).get()?.email;
    if (email) deleteSubscriberByEmail(tx, email);
    const removed = tx.delete(users).where(eq(users.id, userId)).run();
    return { outcome: removed.changes === 1 ? 'deleted' : 'not-found', postSlugs };
  });
}
