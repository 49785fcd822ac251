/**
 * The weekly digest, for subscribers who chose it: every Monday at 08:00 in the site's time zone, the posts of the past
 * week in their categories. Each subscriber's digest is queued with the mark that it was handled, so a
 * restart never sends it twice; a week with nothing new sends nothing.
 */
import 'server-only';
import { listPostsPublishedBetween, type AnnouncedPost } from '@/db/queries/post-publishing';
import { listDigestDue, recordDigest } from '@/db/queries/subscriber-deliveries';
import type { Subscriber } from '@/db/queries/subscriber-lookup';
import { getSiteIdentity, getSiteSettings } from '@/db/queries/settings';
import { lastWeekdayAt, localDay } from '@/lib/local-time';
import { weeklyDigestEmail } from './emails';

const WEEK_MS = 7 * 24 * 60 * 60_000;
const DIGEST_WEEKDAY = 1; // Monday
const DIGEST_HOUR = 8;
const BATCH = 500;

/** The latest digest moment at or before `now`, by the site's clock. */
export function weeklyDigestMoment(now: Date, timeZone: string): Date {
  return lastWeekdayAt(now, timeZone, DIGEST_WEEKDAY, DIGEST_HOUR);
}

const follows = (subscriber: Subscriber, post: AnnouncedPost) => subscriber.allCategories || (post.categoryId !== null && subscriber.categoryIds.includes(post.categoryId));

/** Handles up to a few batches of due subscribers per call; the worker calls it on every tick. */
export async function processWeeklyDigests(now = new Date()): Promise<number> {
  const { timeZone } = await getSiteIdentity();
  const moment = weeklyDigestMoment(now, timeZone);
  const week = localDay(moment, timeZone);
  const posts = await listPostsPublishedBetween(new Date(moment.getTime() - WEEK_MS), moment);
  const { name: siteName } = await getSiteSettings();
  let handled = 0;
  for (let due = await listDigestDue(moment, BATCH); due.length > 0 && handled < BATCH * 4; due = await listDigestDue(moment, BATCH)) {
    for (const subscriber of due) {
      const theirs = posts.filter((post) => follows(subscriber, post) && (!subscriber.confirmedAt || post.publishedAt >= subscriber.confirmedAt));
      await recordDigest(subscriber.id, moment, theirs.length > 0 ? weeklyDigestEmail(siteName, theirs, subscriber, week) : null, now);
    }
    handled += due.length;
  }
  return handled;
}
