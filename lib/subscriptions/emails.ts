/**
 * The emails subscribers get: the confirmation link, "you are already subscribed", one email per new
 * post, and the weekly digest. Every list email carries a signed unsubscribe link and the RFC 8058 headers.
 */
import 'server-only';
import type { OutgoingMail } from '@/db/queries/outbox';
import type { AnnouncedPost, Recipient } from '@/db/queries/post-publishing';
import type { Subscriber } from '@/db/queries/subscribers';
import { env } from '@/lib/env';
import { composeEmail } from '@/lib/mail/compose';
import { confirmUrl, manageUrl, unsubscribeLinks } from './links';

/** Kinds that go only to confirmed subscribers: the worker cancels them for anyone who left meanwhile. */
export const LIST_MAIL_KINDS = new Set(['new-post', 'weekly-digest']);

const postUrl = (post: Pick<AnnouncedPost, 'slug'>) => `${env.siteUrl}/posts/${post.slug}`;

function listReason(siteName: string, weekly: boolean) {
  return `You received this because you subscribed to ${weekly ? 'a weekly summary of new posts from' : 'new posts from'} ${siteName}. Unsubscribe or change what you get with the links above; no sign-in needed.`;
}

export function confirmationEmail(siteName: string, subscriber: Subscriber, now: Date): OutgoingMail {
  return {
    kind: 'subscription-confirm',
    to: subscriber.email,
    subject: `Confirm your subscription to ${siteName}`,
    ...composeEmail({
      siteName,
      heading: 'Please confirm your subscription',
      paragraphs: [
        `Someone (we hope you) asked to get new posts from ${siteName} by email at this address.`,
        'Press the button to open the confirmation page, then press “Confirm” there. The link works for 7 days.',
      ],
      action: { label: 'Open the confirmation page', url: confirmUrl(subscriber, now) },
      reason: `If it was not you, ignore this email: without confirmation this address gets nothing more from ${siteName}.`,
    }),
  };
}

/** For someone on the old site's list when the blog moved to Hearth: nothing more is sent unless they confirm. */
export function movedSiteConfirmationEmail(siteName: string, subscriber: Subscriber, now: Date): OutgoingMail {
  return {
    kind: 'subscription-confirm',
    to: subscriber.email,
    subject: `${siteName} has moved: do you still want our posts by email?`,
    ...composeEmail({
      siteName,
      heading: `${siteName} has a new home`,
      paragraphs: [
        `You were subscribed to new posts from ${siteName} on its old website. The site has moved, and we would like to keep sending you new posts, but only if you still want them.`,
        'Press the button to open the confirmation page, then press “Confirm” there. The link works for 7 days.',
      ],
      action: { label: 'Open the confirmation page', url: confirmUrl(subscriber, now) },
      reason: `If you do nothing, this address gets nothing more from ${siteName}, and it is removed from the list after 7 days.`,
    }),
  };
}

/** Sent instead of a confirmation when the address is already on the list (the form's answer stays the same). */
export function alreadySubscribedEmail(siteName: string, subscriber: Subscriber): OutgoingMail {
  return {
    kind: 'subscription-notice',
    to: subscriber.email,
    subject: `You are already subscribed to ${siteName}`,
    ...composeEmail({
      siteName,
      heading: 'You are already subscribed',
      paragraphs: [`Someone asked to subscribe this address to ${siteName}, and it already gets new posts. Nothing has changed.`],
      action: { label: 'Change what you get, or unsubscribe', url: manageUrl(subscriber) },
      reason: 'If it was not you, ignore this email.',
    }),
  };
}

export function newPostEmail(siteName: string, post: AnnouncedPost, recipient: Recipient): OutgoingMail {
  const unsubscribe = unsubscribeLinks(recipient);
  return {
    kind: 'new-post',
    to: recipient.email,
    subject: post.title,
    dedupeKey: `new-post:${post.id}:${recipient.id}`,
    postId: post.id,
    headers: unsubscribe.headers,
    ...composeEmail({
      siteName,
      heading: post.title,
      paragraphs: [post.excerpt, ...(post.categoryName ? [`Posted in ${post.categoryName}.`] : [])].filter(Boolean),
      action: { label: 'Read the post', url: postUrl(post) },
      links: [{ label: 'Unsubscribe or change what you get', url: unsubscribe.pageUrl }],
      reason: listReason(siteName, false),
    }),
  };
}

export function weeklyDigestEmail(siteName: string, posts: AnnouncedPost[], recipient: Recipient, week: string): OutgoingMail {
  const unsubscribe = unsubscribeLinks(recipient);
  return {
    kind: 'weekly-digest',
    to: recipient.email,
    subject: `${posts.length === 1 ? 'A new post' : `${posts.length} new posts`} this week on ${siteName}`,
    dedupeKey: `weekly-digest:${recipient.id}:${week}`,
    headers: unsubscribe.headers,
    ...composeEmail({
      siteName,
      heading: 'This week’s new posts',
      paragraphs: posts.map((post) => `${post.title}: ${post.excerpt} (${postUrl(post)})`),
      links: [{ label: 'Unsubscribe or change what you get', url: unsubscribe.pageUrl }],
      reason: listReason(siteName, true),
    }),
  };
}
