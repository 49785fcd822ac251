/**
 * "Download my data": everything Hearth holds about one member, table by table (the review of every table
 * is the table in tests/integration/db/member-data-review.test.ts). Secrets (session tokens, sign-in codes, OAuth tokens) are left
 * out; other people's words are never included, only what the member wrote, chose or was sent.
 */
import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { listCommentsByAuthor } from '@/db/queries/account-comments';
import { listRevisions } from '@/db/queries/comment-revisions';
import { getOwnAccount } from '@/db/queries/member-account';
import { getSubscriberByEmail } from '@/db/queries/subscriber-lookup';
import {
  accounts,
  activityLog,
  categories,
  commentReports,
  comments,
  importedItems,
  importJobs,
  outbox,
  pageRevisions,
  pages,
  postRevisions,
  posts,
  replyNotices,
  sessions,
  threadMutes,
  uploads,
  users,
  verificationTokens,
  waitingComments,
} from '@/db/schema';

export const EXPORT_NOTES = [
  'Page views and referring sites are counted without any visitor: no address, cookie or account is stored with a view, so none are listed here.',
  'Reading preferences (text size, spacing, theme) are kept in your browser only, not on the site.',
  'Session tokens and sign-in codes are secrets, so only their expiry dates are listed.',
  'Emails sent to you are listed by kind, subject, status and dates; their full text is not kept in this file.',
];

const sameAddress = (column: typeof outbox.toAddress | typeof verificationTokens.identifier | typeof comments.guestEmail | typeof waitingComments.email, email: string) =>
  sql`lower(${column}) = ${email.toLowerCase()}`;

/** The member's own settings and dates beyond what /account shows. */
async function settingsOf(userId: string) {
  const [settings] = await getDb()
    .select({
      emailVerified: users.emailVerified,
      image: users.image,
      slug: users.slug,
      bio: users.bio,
      commentingBlocked: users.commentingBlocked,
      moderationAlerts: users.moderationAlerts,
      moderationDigestAt: users.moderationDigestAt,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return settings;
}

async function subscriptionOf(email: string) {
  const subscriber = await getSubscriberByEmail(email);
  if (!subscriber) return null;
  const topics = subscriber.allCategories
    ? 'all'
    : (await getDb().select({ id: categories.id, name: categories.name }).from(categories)).filter((c) => subscriber.categoryIds.includes(c.id)).map((c) => c.name);
  return {
    email: subscriber.email,
    status: subscriber.status,
    frequency: subscriber.frequency,
    categories: topics,
    subscribedAt: subscriber.createdAt,
    confirmedAt: subscriber.confirmedAt,
  };
}

async function editorialWorkOf(userId: string) {
  const db = getDb();
  return {
    postVersionsSaved: await db
      .select({ post: posts.slug, savedAt: postRevisions.createdAt })
      .from(postRevisions)
      .innerJoin(posts, eq(posts.id, postRevisions.postId))
      .where(eq(postRevisions.authorId, userId))
      .orderBy(asc(postRevisions.createdAt)),
    pageVersionsSaved: await db
      .select({ page: pages.slug, savedAt: pageRevisions.createdAt })
      .from(pageRevisions)
      .innerJoin(pages, eq(pages.id, pageRevisions.pageId))
      .where(eq(pageRevisions.authorId, userId))
      .orderBy(asc(pageRevisions.createdAt)),
    uploads: await db
      .select({ file: uploads.file, originalName: uploads.originalName, alt: uploads.alt, caption: uploads.caption, uploadedAt: uploads.createdAt })
      .from(uploads)
      .where(eq(uploads.uploaderId, userId))
      .orderBy(asc(uploads.id)),
    imports: await db.select({ id: importJobs.id, kind: importJobs.kind, status: importJobs.status, createdAt: importJobs.createdAt }).from(importJobs).where(eq(importJobs.startedById, userId)),
    activity: await db.select({ action: activityLog.action, subject: activityLog.subject, at: activityLog.at }).from(activityLog).where(eq(activityLog.actorId, userId)).orderBy(asc(activityLog.at)),
  };
}

export async function exportUserData(userId: string) {
  const db = getDb();
  const profile = await getOwnAccount(userId);
  if (!profile) return null;
  const email = profile.email;
  return {
    notes: EXPORT_NOTES,
    profile: { ...profile, ...(await settingsOf(userId)) },
    signInMethods: (await db.select({ provider: accounts.provider }).from(accounts).where(eq(accounts.userId, userId))).map((a) => a.provider),
    sessions: await db.select({ expires: sessions.expires }).from(sessions).where(eq(sessions.userId, userId)),
    pendingSignInCodes: await db.select({ expires: verificationTokens.expires }).from(verificationTokens).where(sameAddress(verificationTokens.identifier, email)),
    commentsWaitingForConfirmation: await db
      .select({
        postId: waitingComments.postId,
        inReplyToComment: waitingComments.parentId,
        name: waitingComments.displayName,
        body: waitingComments.body,
        contentNote: waitingComments.contentNote,
        sentAt: waitingComments.createdAt,
        expiresAt: waitingComments.expiresAt,
      })
      .from(waitingComments)
      .where(sameAddress(waitingComments.email, email)),
    importedFrom: await db
      .select({ site: importedItems.source, idThere: importedItems.sourceId, importedAt: importedItems.importedAt })
      .from(importedItems)
      .where(and(eq(importedItems.kind, 'user'), eq(importedItems.hearthId, userId))),
    authoredPosts: await db.select({ id: posts.id, slug: posts.slug, title: posts.title, status: posts.status }).from(posts).where(eq(posts.authorId, userId)),
    comments: await Promise.all((await listCommentsByAuthor(userId)).map(async (c) => ({ ...c, earlierVersions: await listRevisions(c.id) }))),
    guestCommentsWithYourAddress: await db
      .select({ id: comments.id, post: posts.slug, name: comments.guestName, body: comments.body, createdAt: comments.createdAt })
      .from(comments)
      .innerJoin(posts, eq(posts.id, comments.postId))
      .where(and(isNull(comments.authorId), sameAddress(comments.guestEmail, email))),
    reportsFiled: await db
      .select({ commentId: commentReports.commentId, reason: commentReports.reason, note: commentReports.note, createdAt: commentReports.createdAt, resolvedAt: commentReports.resolvedAt })
      .from(commentReports)
      .where(eq(commentReports.reporterId, userId))
      .orderBy(asc(commentReports.createdAt)),
    mutedConversations: await db
      .select({ commentId: threadMutes.rootId, post: posts.slug })
      .from(threadMutes)
      .leftJoin(comments, eq(comments.id, threadMutes.rootId))
      .leftJoin(posts, eq(posts.id, comments.postId))
      .where(eq(threadMutes.userId, userId)),
    replyNotices: await db
      .select({ replyId: replyNotices.replyId, createdAt: replyNotices.createdAt, emailedAt: replyNotices.processedAt })
      .from(replyNotices)
      .where(eq(replyNotices.recipientId, userId)),
    subscription: await subscriptionOf(email),
    emailsToYou: await db
      .select({ kind: outbox.kind, subject: outbox.subject, status: outbox.status, queuedAt: outbox.createdAt, sentAt: outbox.sentAt })
      .from(outbox)
      .where(sameAddress(outbox.toAddress, email))
      .orderBy(asc(outbox.id)),
    ...(await editorialWorkOf(userId)),
  };
}
