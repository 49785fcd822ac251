/**
 * Deleting an account leaves no trace of the person: every table was reviewed (tests/integration/db/member-data-review.test.ts).
 * Rows that belong only to them go (sessions, sign-in methods and codes, mutes, reply notices, subscription,
 * rate-limit counts keyed by their address); rows others still need stay without them (reports they filed keep
 * reason and note but lose the reporter; emails to them are cancelled if still queued and emptied of address,
 * subject, text and headers; logs and revisions name "a former member" instead).
 */
import 'server-only';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { containsExactly } from '@/db/dialect';
import type { Db } from '@/db/index';
import { releaseCommentsOfMember, type DeletedMemberComments } from '@/db/queries/account-comments';
import { claimGuestComments } from '@/db/queries/guest-comments';
import { deleteSubscriberByEmail } from '@/db/queries/subscriber-lifecycle';
import { withTransaction } from '@/db/transaction';
import { activityLog, importedItems, outbox, pageRevisions, postRevisions, posts, rateLimitHits, users, verificationTokens, waitingComments } from '@/db/schema';

/** How a deleted member is named wherever a log or another person's email mentioned them. */
export const FORMER_MEMBER = 'a former member';
/** What remains of an email to a deleted member: kind, status and dates (for the delivery counts), nothing else. */
export const REMOVED_ADDRESS = 'removed (account deleted)';

/** What happened, and the posts whose threads changed (their pages must be refreshed). */
export type DeleteAccountResult = { outcome: 'deleted' | 'has-posts' | 'not-found'; postSlugs: string[] };

/**
 * Names shorter than this are not replaced inside other text: "Al" would be cut out of every "Also".
 * Such a name is still removed from the account, logs' actor names and revisions.
 */
const MIN_REPLACED_NAME = 3;

/** As the mail composer escapes text, so a name inside an email's HTML is found too. */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Replaces every spelling of the name (as typed, and escaped in HTML) in a text column. */
function withoutName(column: SQLiteColumn, name: string): SQL {
  let out: SQL = sql`${column}`;
  for (const spelling of new Set([name, escapeHtml(name)])) out = sql`replace(${out}, ${spelling}, ${FORMER_MEMBER})`;
  return out;
}

/** Emails to the member: cancelled if not yet sent, and nothing left that says who or what. */
async function scrubMailTo(tx: Db, email: string): Promise<void> {
  const toThem = sql`lower(${outbox.toAddress}) = ${email.toLowerCase()}`;
  await tx
    .update(outbox)
    .set({ status: 'cancelled', leaseUntil: null })
    .where(and(toThem, inArray(outbox.status, ['queued', 'sending', 'failed'])));
  await tx.update(outbox).set({ toAddress: REMOVED_ADDRESS, subject: '', text: '', html: '', headers: {}, dedupeKey: null, lastError: null }).where(toThem);
}

/** Other people's emails and the staff logs that named the member. */
async function forgetName(tx: Db, userId: string, name: string | null): Promise<void> {
  await tx.update(activityLog).set({ actorName: FORMER_MEMBER }).where(eq(activityLog.actorId, userId));
  await tx.update(postRevisions).set({ authorName: FORMER_MEMBER }).where(eq(postRevisions.authorId, userId));
  await tx.update(pageRevisions).set({ authorName: FORMER_MEMBER }).where(eq(pageRevisions.authorId, userId));
  if (!name || name.trim().length < MIN_REPLACED_NAME) return;
  const mentions = (column: SQLiteColumn) => sql`${containsExactly(column, name)} or ${containsExactly(column, escapeHtml(name))}`;
  await tx
    .update(activityLog)
    .set({ subject: withoutName(activityLog.subject, name) })
    .where(mentions(activityLog.subject));
  await tx
    .update(outbox)
    .set({ subject: withoutName(outbox.subject, name), text: withoutName(outbox.text, name), html: withoutName(outbox.html, name) })
    .where(sql`(${mentions(outbox.subject)}) or (${mentions(outbox.text)}) or (${mentions(outbox.html)})`);
}

/**
 * Removes the member and every trace of them, keeping or erasing their comments (and the guest comments left
 * with their address) as they chose, in one transaction. Authors keep their account until their posts move.
 * `addressKeys` gives the rate-limit keys derived from an address (lib/rate-limit.ts).
 */
export function deleteUser(userId: string, comments: DeletedMemberComments, addressKeys: (email: string) => string[]): Promise<DeleteAccountResult> {
  return withTransaction(async (tx): Promise<DeleteAccountResult> => {
    if ((await tx.select({ id: posts.id }).from(posts).where(eq(posts.authorId, userId)).limit(1)).length > 0) return { outcome: 'has-posts', postSlugs: [] };
    const [member] = await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, userId)).limit(1);
    if (!member) return { outcome: 'not-found', postSlugs: [] };
    await claimGuestComments(userId, member.email);
    const postSlugs = await releaseCommentsOfMember(userId, comments);
    await deleteSubscriberByEmail(member.email);
    await tx.delete(verificationTokens).where(sql`lower(${verificationTokens.identifier}) = ${member.email.toLowerCase()}`);
    await tx.delete(waitingComments).where(eq(waitingComments.email, member.email.toLowerCase()));
    const keys = addressKeys(member.email.toLowerCase());
    if (keys.length > 0) await tx.delete(rateLimitHits).where(inArray(rateLimitHits.key, keys));
    await tx.delete(importedItems).where(and(eq(importedItems.kind, 'user'), eq(importedItems.hearthId, userId)));
    await scrubMailTo(tx, member.email);
    await forgetName(tx, userId, member.name);
    // Cascades take sessions, sign-in methods, reply notices and mutes; reports, uploads, revisions and logs lose the id.
    await tx.delete(users).where(eq(users.id, userId));
    return { outcome: 'deleted', postSlugs };
  });
}
