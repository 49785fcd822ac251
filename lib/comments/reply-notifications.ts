/**
 * Turns reply notices into email: at once, in one daily digest (sent at 08:00 in the site's time zone), or never,
 * as each member chose on /account. Every email links to the conversation and can mute it.
 */
import 'server-only';
import { closeNotices, listOpenNotices, type OpenNotice } from '@/db/queries/reply-notices';
import { getSiteIdentity, getSiteSettings } from '@/db/queries/settings';
import { commentPermalink } from '@/lib/comments/thread-pages';
import { env } from '@/lib/env';
import { localDay, todayAt } from '@/lib/local-time';
import { composeEmail } from '@/lib/mail/compose';
import { signToken } from '@/lib/tokens';

export const DIGEST_HOUR = 8;
export const MUTE_PURPOSE = 'mute-thread';

const excerpt = (text: string) => (text.length > 400 ? `${text.slice(0, 400).trimEnd()}…` : text);
// The thread may span several pages: /comments/<id> leads to the one that shows the reply.
const replyUrl = (n: OpenNotice) => `${env.siteUrl}${commentPermalink(n.reply.id)}`;
const muteUrl = (n: OpenNotice) => `${env.siteUrl}/notifications/mute?${new URLSearchParams({ token: signToken(MUTE_PURPOSE, { u: n.recipient.id, r: n.rootId }) })}`;
const who = (n: OpenNotice) => n.reply.authorName ?? 'A member';

function reason(siteName: string, digest: boolean) {
  return `You received this because you asked ${siteName} to email you ${digest ? 'a daily summary of' : 'about'} replies to your comments. Change or stop this on your account page: ${env.siteUrl}/account`;
}

function instantEmail(siteName: string, n: OpenNotice) {
  return {
    kind: 'reply',
    to: n.recipient.email,
    subject: `${who(n)} replied to you on “${n.post.title}”`,
    dedupeKey: `reply:${n.id}`,
    ...composeEmail({
      siteName,
      heading: `${who(n)} replied to your comment`,
      paragraphs: [`On “${n.post.title}”:`, excerpt(n.reply.body)],
      action: { label: 'Read the conversation', url: replyUrl(n) },
      links: [{ label: 'Mute this conversation', url: muteUrl(n) }],
      reason: reason(siteName, false),
    }),
  };
}

function digestEmail(siteName: string, notices: OpenNotice[], day: string) {
  const first = notices[0];
  const threads = new Map(notices.map((n) => [n.rootId, n]));
  return {
    kind: 'reply-digest',
    to: first.recipient.email,
    subject: `${notices.length === 1 ? 'A new reply' : `${notices.length} new replies`} to your comments on ${siteName}`,
    dedupeKey: `reply-digest:${first.recipient.id}:${day}`,
    ...composeEmail({
      siteName,
      heading: 'Replies since yesterday',
      paragraphs: notices.map((n) => `${who(n)} on “${n.post.title}”: ${excerpt(n.reply.body)} (${replyUrl(n)})`),
      links: [...threads.values()].map((n) => ({ label: `Mute the conversation on “${n.post.title}”`, url: muteUrl(n) })),
      reason: reason(siteName, true),
    }),
  };
}

/** Today's digest moment by the site's clock; notices written before it go into today's digest. */
export function digestMoment(now: Date, timeZone: string): Date {
  return todayAt(now, timeZone, DIGEST_HOUR);
}

export function processReplyNotices(now = new Date()): void {
  const open = listOpenNotices(now);
  if (open.length === 0) return;
  const siteName = getSiteSettings().name;
  const { timeZone } = getSiteIdentity();
  const digestAt = digestMoment(now, timeZone);
  const daily = new Map<string, OpenNotice[]>();
  for (const notice of open) {
    if (notice.recipient.choice === 'never') closeNotices([notice.id], null, now);
    else if (notice.recipient.choice === 'instant') closeNotices([notice.id], instantEmail(siteName, notice), now);
    else if (now >= digestAt && notice.createdAt < digestAt) daily.set(notice.recipient.id, [...(daily.get(notice.recipient.id) ?? []), notice]);
  }
  const day = localDay(digestAt, timeZone);
  for (const notices of daily.values()) closeNotices(notices.map((n) => n.id), digestEmail(siteName, notices, day), now);
}
