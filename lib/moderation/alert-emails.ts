/**
 * The emails staff get about comments held for moderation and new reports: one per item at once, or a
 * daily summary. Each links straight to the item in the moderation queue. They name the post and the
 * commenter's display name only: no comment text, no note, no email address leaves the site in them.
 */
import 'server-only';
import type { AlertItem, AlertRecipient, ComposeAlert } from '@/db/queries/moderation-alerts';
import type { OutgoingMail } from '@/db/queries/outbox';
import { getSiteSettings } from '@/db/queries/settings';
import { env } from '@/lib/env';
import { composeEmail } from '@/lib/mail/compose';
import { REPORT_REASON_LABELS } from '@/lib/validations/comment-limits';

const who = (item: AlertItem) => item.commenterName ?? 'a member';

/** The queue entry itself: the right filter, and the comment's anchor on that page. */
export const alertItemUrl = (item: AlertItem) => `${env.siteUrl}/admin/comments?show=${item.kind === 'held' ? 'pending' : 'reported'}#comment-${item.commentId}`;

export function describeAlertItem(item: AlertItem): string {
  if (item.kind === 'held') return `A comment by ${who(item)} on “${item.postTitle}” is waiting for moderation.`;
  const note = item.note ? ', with a note from the reporter' : '';
  return `A comment by ${who(item)} on “${item.postTitle}” was reported: ${REPORT_REASON_LABELS[item.reason].toLowerCase()}${note}.`;
}

const reason = (siteName: string, daily: boolean) => `You received this because you asked ${siteName} to email you ${daily ? 'a daily summary' : 'at once'} about comments that need a moderator.`;
const footerLinks = [{ label: 'Choose how often these come, or turn them off, on your account page', url: `${env.siteUrl}/account` }];

export function instantAlertEmail(siteName: string, recipient: AlertRecipient, item: AlertItem): OutgoingMail {
  return {
    kind: 'moderation-alert',
    to: recipient.email,
    subject: item.kind === 'held' ? `A comment is waiting for moderation on “${item.postTitle}”` : `A comment was reported on “${item.postTitle}”`,
    ...composeEmail({
      siteName,
      heading: item.kind === 'held' ? 'A comment needs a moderator' : 'A comment was reported',
      paragraphs: [describeAlertItem(item)],
      action: { label: item.kind === 'held' ? 'Open it in the moderation queue' : 'Open the report in the moderation queue', url: alertItemUrl(item) },
      reason: reason(siteName, false),
      footerLinks,
    }),
  };
}

export function dailyAlertEmail(siteName: string, recipient: AlertRecipient, items: AlertItem[], day: string): OutgoingMail {
  return {
    kind: 'moderation-digest',
    to: recipient.email,
    subject: `${items.length === 1 ? '1 comment needs' : `${items.length} comments need`} a moderator on ${siteName}`,
    dedupeKey: `moderation-digest:${recipient.id}:${day}`,
    ...composeEmail({
      siteName,
      heading: 'Waiting for a moderator since the last summary',
      paragraphs: [],
      entries: items.map((item) => ({ title: describeAlertItem(item), url: alertItemUrl(item), text: '' })),
      action: { label: 'Open the moderation queue', url: `${env.siteUrl}/admin/comments` },
      reason: reason(siteName, true),
      footerLinks,
    }),
  };
}

/**
 * Passed to the writes that hold a comment or store a report, which queue it for each "at once" staff member.
 * Reads the site's name before their transaction, so composing inside it reads nothing.
 */
export async function instantAlertComposer(): Promise<ComposeAlert> {
  const { name } = await getSiteSettings();
  return (recipient, item) => instantAlertEmail(name, recipient, item);
}
