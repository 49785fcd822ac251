/**
 * What /admin/stats shows (admins only): views per day, top posts, referring sites, newsletter sends
 * and confirmations, comments written. Every figure is a count; nothing here names a reader.
 * Days are "YYYY-MM-DD" strings (lib/stats/day.ts decides which calendar); timestamps are grouped by UTC day.
 */
import 'server-only';
import { and, desc, eq, gte, inArray, isNotNull, ne, sql, sum, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { utcDay } from '@/db/dialect';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { recordActivity, type Actor } from '@/db/queries/activity';
import { comments, outbox, pageViewCounts, posts, referrerCounts, siteSettings, subscribers } from '@/db/schema';

export type DayCount = { day: string; count: number };
export type PostViews = { postId: number; title: string; slug: string; views: number };
export type ReferrerViews = { host: string; views: number };

/** Emails that carry posts to subscribers (not sign-in links, replies or confirmations). */
export const NEWSLETTER_KINDS = ['new-post', 'weekly-digest'];

const msOf = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** Every counted view per day from `fromDay` on (days without views are absent). */
export function viewsPerDay(fromDay: string): Promise<DayCount[]> {
  return getDb()
    .select({ day: pageViewCounts.day, count: sql<number>`sum(${pageViewCounts.views})`.mapWith(Number) })
    .from(pageViewCounts)
    .where(gte(pageViewCounts.day, fromDay))
    .groupBy(pageViewCounts.day)
    .orderBy(pageViewCounts.day);
}

/** The most-read posts since `fromDay`, with their views. */
export function topPosts(fromDay: string, limit = 10): Promise<PostViews[]> {
  const views = sum(pageViewCounts.views).mapWith(Number);
  return getDb()
    .select({ postId: posts.id, title: posts.title, slug: posts.slug, views })
    .from(pageViewCounts)
    .innerJoin(posts, eq(posts.id, pageViewCounts.postId))
    .where(gte(pageViewCounts.day, fromDay))
    .groupBy(posts.id)
    .orderBy(desc(views), posts.title)
    .limit(limit);
}

/** The referring sites since `fromDay`, most views first ("other" gathers a day's hosts past the cap). */
export function topReferrers(fromDay: string, limit = 15): Promise<ReferrerViews[]> {
  const views = sum(referrerCounts.views).mapWith(Number);
  return getDb()
    .select({ host: referrerCounts.host, views })
    .from(referrerCounts)
    .where(gte(referrerCounts.day, fromDay))
    .groupBy(referrerCounts.host)
    .orderBy(desc(views), referrerCounts.host)
    .limit(limit);
}

/** Rows of `table` counted per UTC day of `column` (a timestamp_ms column), among those `where` keeps. */
function countPerDay(table: SQLiteTable, column: SQLiteColumn, where: SQL | undefined): Promise<DayCount[]> {
  const day = utcDay(column);
  return getDb()
    .select({ day, count: sql<number>`count(*)`.mapWith(Number) })
    .from(table)
    .where(where)
    .groupBy(day)
    .orderBy(day);
}

/** Newsletter emails sent (one per recipient), per day since `fromDay`. */
export function newsletterSendsPerDay(fromDay: string): Promise<DayCount[]> {
  return countPerDay(outbox, outbox.sentAt, and(inArray(outbox.kind, NEWSLETTER_KINDS), eq(outbox.status, 'sent'), gte(outbox.sentAt, new Date(msOf(fromDay)))));
}

/** Subscriptions confirmed per day since `fromDay` (whether or not they are still subscribed). */
export function confirmationsPerDay(fromDay: string): Promise<DayCount[]> {
  return countPerDay(subscribers, subscribers.confirmedAt, and(isNotNull(subscribers.confirmedAt), gte(subscribers.confirmedAt, new Date(msOf(fromDay)))));
}

/** Comments written per day since `fromDay`, spam left out. */
export function commentsPerDay(fromDay: string): Promise<DayCount[]> {
  return countPerDay(comments, comments.createdAt, and(ne(comments.status, 'spam'), gte(comments.createdAt, new Date(msOf(fromDay)))));
}

/** Turns counting on or off (creating the settings row with its defaults if needed), logged in the same transaction. */
export function setStatsEnabled(actor: Actor, enabled: boolean): Promise<void> {
  return withTransaction(async (tx) => {
    await tx
      .insert(siteSettings)
      .values({ id: 1, name: 'Hearth', statsEnabled: enabled })
      .onConflictDoUpdate({ target: siteSettings.id, set: { statsEnabled: enabled } });
    await recordActivity(actor, enabled ? 'stats.on' : 'stats.off', 'Private view counting');
  });
}
