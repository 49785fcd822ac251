/**
 * Commenting in one step (issue 16): someone not signed in writes their comment, name and address;
 * the comment waits, unpublished, until the emailed link is confirmed. Confirming proves the address,
 * so it signs them in (their existing account if the address has one, never a second) and posts the
 * comment through the normal path, moderation rules included. A link works once.
 */
import 'server-only';
import crypto from 'node:crypto';
import { getCommentTarget } from '@/db/queries/comment-writing';
import { getSiteSettings } from '@/db/queries/settings';
import { getWaitingCommentPost, isMemberAddress, memberForProvenAddress, renewWaitingComment, restoreWaitingComment, saveWaitingComment, takeWaitingComment } from '@/db/queries/waiting-comments';
import { env } from '@/lib/env';
import { commentConfirmEmail } from '@/lib/mail/comment-confirm-email';
import { allowWaitingComment } from '@/lib/rate-limit';
import { SIGN_IN_MAX_AGE_SECONDS } from '@/lib/sign-in-code';
import { placeReply, submitComment, type CommentOutcome } from './submit';

/** Expired comments are kept a day for "send me a new link", then dropped. */
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

const newToken = () => crypto.randomBytes(32).toString('base64url');
export const hashWaitingToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
export const commentConfirmPath = (token: string) => `/comment/confirm?${new URLSearchParams({ token })}`;
const expiry = (now: Date) => new Date(now.getTime() + SIGN_IN_MAX_AGE_SECONDS * 1000);

async function confirmMail(email: string, postTitle: string, reply: boolean, token: string) {
  const member = await isMemberAddress(email);
  const message = commentConfirmEmail({ siteName: (await getSiteSettings()).name, postTitle, confirmUrl: `${env.siteUrl}${commentConfirmPath(token)}`, member, reply });
  return { kind: 'comment-confirm', to: email, ...message };
}

export type WaitingRequest = { postId: number; parentId?: number; body: string; contentNote?: string; name: string; email: string };
export type WaitingAnswer = { ok: true } | { ok: false; message: string };

/** Stores the comment and queues its one email; refuses before any email when the post takes no comments or the reply has no visible parent. */
export async function requestWaitingComment(input: WaitingRequest, clientIp: string, now = new Date()): Promise<WaitingAnswer> {
  const target = await getCommentTarget(input.postId, now);
  if (!target) return { ok: false, message: 'This post is not open for comments.' };
  if (target.commentsClosed) return { ok: false, message: 'Comments are closed on this post.' };
  const place = input.parentId === undefined ? null : await placeReply(target.id, input.parentId);
  if (place && 'message' in place) return { ok: false, message: place.message };
  if (!(await allowWaitingComment(input.email, clientIp, now))) {
    return { ok: false, message: 'Too many comments were sent from here or for this address. Please wait 15 minutes, then try again; your text is kept.' };
  }
  const token = newToken();
  const mail = await confirmMail(input.email, target.title, input.parentId !== undefined, token);
  await saveWaitingComment(
    {
      postId: target.id,
      parentId: input.parentId ?? null,
      email: input.email,
      displayName: input.name,
      body: input.body,
      contentNote: input.contentNote ?? null,
      tokenHash: hashWaitingToken(token),
      expiresAt: expiry(now),
    },
    mail,
    now,
    new Date(now.getTime() - FORGET_AFTER_MS),
  );
  return { ok: true };
}

export type Confirmation =
  | { outcome: 'posted'; userId: string; email: string; comment: CommentOutcome & { ok: true } }
  | { outcome: 'refused'; userId: string; email: string; message: string }
  | { outcome: 'parent-gone' }
  | { outcome: 'expired' }
  | { outcome: 'unknown' };

/** A reply whose parent was removed, hidden or erased since it was written. */
const lostParent = async (waiting: { postId: number; parentId: number | null }) => waiting.parentId !== null && 'message' in (await placeReply(waiting.postId, waiting.parentId));

/**
 * Confirms a link once: the member (found or made), a session for them by the caller, and the comment
 * through submitComment. A reply that lost its parent is posted under the thread only when the
 * confirmation page said so (`underThread`); if the parent went after that page was shown, nothing
 * happens and it keeps waiting ('parent-gone'), so no reply ever lands somewhere its author was not told.
 */
export async function confirmWaitingComment(token: string, now = new Date(), { underThread = false } = {}): Promise<Confirmation> {
  let lost = false;
  const waiting = await takeWaitingComment(hashWaitingToken(token), now, async (row) => (lost = await lostParent(row)) && !underThread);
  if (waiting === null) return { outcome: 'unknown' };
  if (waiting === 'expired') return { outcome: 'expired' };
  if (waiting === 'kept') return { outcome: 'parent-gone' };
  const userId = await memberForProvenAddress(waiting.email, waiting.displayName, now);
  const parentId = lost ? undefined : (waiting.parentId ?? undefined);
  const comment = await submitComment(userId, { postId: waiting.postId, parentId, body: waiting.body, contentNote: waiting.contentNote ?? undefined }, now);
  if (!comment.ok) {
    // Never lose the text: a guest confirming two replies seconds apart meets the members' pace, and
    // "send it again" must then work with the same link.
    await restoreWaitingComment(waiting);
    return { outcome: 'refused', userId, email: waiting.email, message: comment.message };
  }
  return { outcome: 'posted', userId, email: waiting.email, comment };
}

/** A new link for an expired comment, emailed to its address (rate-limited like a new comment). */
export async function renewWaitingCommentLink(token: string, clientIp: string, now = new Date()): Promise<WaitingAnswer> {
  const oldHash = hashWaitingToken(token);
  const waiting = await getWaitingCommentPost(oldHash);
  const target = waiting && (await getCommentTarget(waiting.postId, now));
  if (!waiting || !target) return { ok: false, message: 'That comment is no longer waiting. Please write it again on the post.' };
  if (!(await allowWaitingComment(waiting.email, clientIp, now))) return { ok: false, message: 'Too many emails were sent for this comment. Please wait 15 minutes, then try again.' };
  const fresh = newToken();
  const mail = await confirmMail(waiting.email, target.title, waiting.parentId !== null, fresh);
  await renewWaitingComment(oldHash, hashWaitingToken(fresh), expiry(now), mail, now);
  return { ok: true };
}

/**
 * What a confirmation link's page shows: the comment's post title while it waits, whether it expired,
 * or nothing; and whether it is a reply whose parent is gone (the page then says where it will go).
 */
export async function waitingLinkState(token: string, now = new Date()): Promise<{ state: 'waiting' | 'expired'; postTitle: string; reply: boolean; lostParent: boolean } | { state: 'unknown' }> {
  const waiting = await getWaitingCommentPost(hashWaitingToken(token));
  const target = waiting && (await getCommentTarget(waiting.postId, now));
  if (!waiting || !target) return { state: 'unknown' };
  return { state: waiting.expiresAt <= now ? 'expired' : 'waiting', postTitle: target.title, reply: waiting.parentId !== null, lostParent: await lostParent(waiting) };
}
