/**
 * Turns reply notices into email: at once (the default), in one daily digest (sent at 08:00 in the site's
 * time zone), or never, as each member chose on /account. "At once" sends at most one email per conversation
 * an hour: later replies wait and are summarised together in the next one. Every email links to the
 * conversation and can mute it, and carries a one-click List-Unsubscribe that stops reply emails.
 */
import 'server-only';
import { closeNotices, lastNoticeEmailAt, listOpenNotices, type OpenNotice } from '@/db/queries/reply-notices';
import { getSiteIdentity, getSiteSettings } from '@/db/queries/settings';
import { commentPermalink } from '@/lib/comments/thread-pages';
import { env } from '@/lib/env';
import { localDay, todayAt } from '@/lib/local-time';
import { composeEmail } from '@/lib/mail/compose';
import { signToken, verifyToken } from '@/lib/tokens';

export const DIGEST_HOUR = 8;
export const MUTE_PURPOSE = 'mute-thread';
const STOP_PURPOSE = 'stop-reply-emails';
const THROTTLE_MS = 60 * 60_000;

const excerpt = (text: string) => (text.length > 400 ? `${text.slice(0, 400).trimEnd()}…` : text);
// The thread may span several pages: /comments/<id> leads to the one that shows the reply.
const replyUrl = (n: OpenNotice) => `${env.siteUrl}${commentPermalink(n.reply.id)}`;
const muteUrl = (n: OpenNotice) => `${env.siteUrl}/notifications/mute?${new URLSearchParams({ token: signToken(MUTE_PURPOSE, { u: n.recipient.id, r: n.rootId }) })}`;
const who = (n: OpenNotice) => n.reply.authorName ?? 'A member';

/** The one-click (RFC 8058) "stop reply emails" for a member; served by the list's own unsubscribe route. */
const stopHeaders = (n: OpenNotice) => ({
  'List-Unsubscribe': `<${env.siteUrl}/api/subscription/unsubscribe?${new URLSearchParams({ token: signToken(STOP_PURPOSE, { u: n.recipient.id }) })}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
});

/** The member a "stop reply emails" token names, if it is genuine. */
export function readStopRepliesToken(token: string | undefined): string | null {
  const payload = verifyToken(STOP_PURPOSE, token);
  return typeof payload?.u === 'string' ? payload.u : null;
}

function reason(siteName: string, digest: boolean) {
  return `You received this because you asked ${siteName} to email you ${digest ? 'a daily summary of' : 'about'} replies to your comments.`;
}
const accountLink = { label: 'Change or stop reply emails on your account page', url: `${env.siteUrl}/account` };

/** One conversation's new replies (usually one; more when they came within the hour after the last email). */
function instantEmail(siteName: string, notices: OpenNotice[]) {
  const [first] = notices;
  const last = notices[notices.length - 1];
  const one = notices.length === 1;
  return {
    kind: 'reply',
    to: first.recipient.email,
    subject: one ? `${who(first)} replied to you on “${first.post.title}”` : `${notices.length} new replies to you on “${first.post.title}”`,
    dedupeKey: `reply:${first.id}`,
    headers: stopHeaders(first),
    ...composeEmail({
      siteName,
      heading: one ? `${who(first)} replied to your comment` : `${notices.length} new replies to your comment`,
      preheader: excerpt(last.reply.body).slice(0, 120),
      paragraphs: one ? [`On “${first.post.title}”:`, excerpt(first.reply.body)] : [`On “${first.post.title}”:`],
      entries: one ? [] : notices.map((n) => ({ title: `${who(n)} replied`, url: replyUrl(n), text: excerpt(n.reply.body) })),
      action: { label: 'Read the conversation', url: replyUrl(last) },
      links: [{ label: 'Mute this conversation', url: muteUrl(first) }],
      reason: reason(siteName, false),
      footerLinks: [accountLink],
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
    headers: stopHeaders(first),
    ...composeEmail({
      siteName,
      heading: 'Replies since yesterday',
      paragraphs: [],
      entries: notices.map((n) => ({ title: `${who(n)} on “${n.post.title}”`, url: replyUrl(n), text: excerpt(n.reply.body) })),
      links: [...threads.values()].map((n) => ({ label: `Mute the conversation on “${n.post.title}”`, url: muteUrl(n) })),
      reason: reason(siteName, true),
      footerLinks: [accountLink],
    }),
  };
}

/** Today's digest moment by the site's clock; notices written before it go into today's digest. */
export function digestMoment(now: Date, timeZone: string): Date {
  return todayAt(now, timeZone, DIGEST_HOUR);
}

export async function processReplyNotices(now = new Date()): Promise<void> {
  const open = await listOpenNotices(now);
  if (open.length === 0) return;
  const [{ name: siteName }, { timeZone }] = await Promise.all([getSiteSettings(), getSiteIdentity()]);
  const digestAt = digestMoment(now, timeZone);
  const daily = new Map<string, OpenNotice[]>();
  const conversations = new Map<string, OpenNotice[]>();
  const add = (map: Map<string, OpenNotice[]>, key: string, notice: OpenNotice) => map.set(key, [...(map.get(key) ?? []), notice]);
  for (const notice of open) {
    if (notice.recipient.choice === 'never') await closeNotices([notice.id], null, now);
    else if (notice.recipient.choice === 'instant') add(conversations, `${notice.recipient.id}:${notice.rootId}`, notice);
    else if (now >= digestAt && notice.createdAt < digestAt) add(daily, notice.recipient.id, notice);
  }
  for (const notices of conversations.values()) {
    const last = await lastNoticeEmailAt(notices[0].recipient.id, notices[0].rootId);
    if (last && now.getTime() - last.getTime() < THROTTLE_MS) continue; // they wait for the next email
    await closeNotices(
      notices.map((n) => n.id),
      instantEmail(siteName, notices),
      now,
    );
  }
  const day = localDay(digestAt, timeZone);
  for (const notices of daily.values())
    await closeNotices(
      notices.map((n) => n.id),
      digestEmail(siteName, notices, day),
      now,
    );
}
