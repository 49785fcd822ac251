/**
 * The emails subscribers get: the confirmation link (naming what was chosen), the welcome after confirming,
 * "you are already subscribed", one email per new post (the whole post, or its summary, as the publisher
 * chose), and the weekly digest. Every list email carries List-Id, a signed unsubscribe link and the RFC 8058 headers.
 */
import 'server-only';
import type { OutgoingMail } from '@/db/queries/outbox';
import type { AnnouncedPost, Recipient } from '@/db/queries/post-publishing';
import type { Subscriber } from '@/db/queries/subscriber-lookup';
import { env } from '@/lib/env';
import { composeEmail } from '@/lib/mail/compose';
import { FREQUENCY_LABELS } from './choices';
import { confirmUrl, listIdHeader, manageUrl, unsubscribeLinks } from './links';

/** Kinds that go only to confirmed subscribers: the worker cancels them for anyone who left meanwhile. */
export const LIST_MAIL_KINDS = new Set(['new-post', 'weekly-digest']);

const postUrl = (post: Pick<AnnouncedPost, 'slug'>) => `${env.siteUrl}/posts/${post.slug}`;

function listReason(siteName: string, weekly: boolean) {
  return `You received this because you subscribed to ${weekly ? 'a weekly summary of new posts from' : 'new posts from'} ${siteName}. Unsubscribe or change what you get with the link below; no sign-in needed.`;
}

/** What list mail shares: List-Id, the one-click unsubscribe headers and the footer link. */
function listParts(siteName: string, recipient: Recipient) {
  const unsubscribe = unsubscribeLinks(recipient);
  return {
    headers: { 'List-Id': listIdHeader(siteName), ...unsubscribe.headers },
    footerLinks: [{ label: 'Unsubscribe or change what you get', url: unsubscribe.pageUrl }],
  };
}

/** "An email for each new post, about Research news and Member stories" (topic names: the caller looks them up). */
export function describeChoices(subscriber: Pick<Subscriber, 'frequency' | 'allCategories'>, topicNames: string[]): string {
  const topics = subscriber.allCategories || topicNames.length === 0 ? 'every topic' : topicNames.join(', ');
  return `${FREQUENCY_LABELS[subscriber.frequency]}, about ${topics}.`;
}

export function confirmationEmail(siteName: string, subscriber: Subscriber, topicNames: string[], now: Date): OutgoingMail {
  return {
    kind: 'subscription-confirm',
    to: subscriber.email,
    subject: `Confirm your subscription to ${siteName}`,
    ...composeEmail({
      siteName,
      heading: 'Please confirm your subscription',
      preheader: 'One tap to start getting the posts you chose.',
      paragraphs: [
        `Someone (we hope you) asked to get new posts from ${siteName} by email at this address.`,
        `You chose: ${describeChoices(subscriber, topicNames)} You can change this at any time after confirming.`,
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

/** Sent once the address is confirmed: what comes next, and where to change it. */
export function welcomeEmail(siteName: string, subscriber: Subscriber, topicNames: string[]): OutgoingMail {
  return {
    kind: 'subscription-welcome',
    to: subscriber.email,
    subject: `Welcome to ${siteName}`,
    dedupeKey: `subscription-welcome:${subscriber.id}:${subscriber.confirmedAt?.getTime() ?? 0}`,
    ...composeEmail({
      siteName,
      heading: 'You are subscribed',
      preheader: `What you will get from ${siteName}, and how to change it.`,
      paragraphs: [`Thank you for confirming. You will get: ${describeChoices(subscriber, topicNames)}`, 'Too much, or not enough? Change it whenever you like, no sign-in needed.'],
      action: { label: 'Change what you get', url: manageUrl(subscriber) },
      reason: `You received this because you confirmed your subscription to ${siteName}.`,
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

/**
 * The whole post (`body`, made by lib/mail/post-body.ts) or, when the publisher chose summaries (`body` null),
 * its summary; with a preview line and a link to read and comment on the site.
 */
export function newPostEmail(siteName: string, post: AnnouncedPost, recipient: Recipient, body: { html: string; text: string } | null): OutgoingMail {
  const list = listParts(siteName, recipient);
  const posted = post.categoryName ? [`Posted in ${post.categoryName}.`] : [];
  return {
    kind: 'new-post',
    to: recipient.email,
    subject: post.title,
    dedupeKey: `new-post:${post.id}:${recipient.id}`,
    postId: post.id,
    headers: list.headers,
    ...composeEmail({
      siteName,
      heading: post.title,
      preheader: post.excerpt || `A new post from ${siteName}.`,
      ...(body ? { paragraphs: posted, body } : { paragraphs: [post.excerpt, ...posted].filter(Boolean) }),
      action: { label: body ? 'Read it on the site, and comment' : 'Read the post', url: postUrl(post) },
      footerLinks: list.footerLinks,
      reason: listReason(siteName, false),
    }),
  };
}

export function weeklyDigestEmail(siteName: string, posts: AnnouncedPost[], recipient: Recipient, week: string): OutgoingMail {
  const list = listParts(siteName, recipient);
  return {
    kind: 'weekly-digest',
    to: recipient.email,
    subject: `${posts.length === 1 ? 'A new post' : `${posts.length} new posts`} this week on ${siteName}`,
    dedupeKey: `weekly-digest:${recipient.id}:${week}`,
    headers: list.headers,
    ...composeEmail({
      siteName,
      heading: 'This week’s new posts',
      preheader: posts.map((post) => post.title).join(' · '),
      paragraphs: [],
      entries: posts.map((post) => ({ title: post.title, url: postUrl(post), text: post.excerpt })),
      footerLinks: list.footerLinks,
      reason: listReason(siteName, true),
    }),
  };
}
