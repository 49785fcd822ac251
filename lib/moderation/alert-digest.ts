/**
 * The daily moderation summary, run by the mail worker on every tick: once the day's digest moment has
 * passed, each staff member who chose "daily" gets one email listing the held comments and reports that
 * arrived since their last summary (none when nothing did). The moment is the reply digest's, in the site's time zone.
 */
import 'server-only';
import { listDailyAlertRecipients, listNewModerationItems, recordModerationDigest } from '@/db/queries/moderation-alerts';
import { getSiteIdentity, getSiteSettings } from '@/db/queries/settings';
import { digestMoment } from '@/lib/comments/reply-notifications';
import { localDay } from '@/lib/local-time';
import { dailyAlertEmail } from './alert-emails';

const DAY_MS = 24 * 60 * 60_000;

export async function processModerationDigests(now = new Date()): Promise<void> {
  const { timeZone } = await getSiteIdentity();
  const moment = digestMoment(now, timeZone);
  if (now < moment) return;
  const due = await listDailyAlertRecipients(moment);
  if (due.length === 0) return;
  const { name: siteName } = await getSiteSettings();
  const day = localDay(moment, timeZone);
  for (const recipient of due) {
    const items = await listNewModerationItems(recipient.since ?? new Date(moment.getTime() - DAY_MS), moment);
    await recordModerationDigest(recipient.id, moment, items.length > 0 ? dailyAlertEmail(siteName, recipient, items, day) : null, now);
  }
}
