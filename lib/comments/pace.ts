/**
 * How fast one member may write. New comments and edits share one pace (an edit stores a revision
 * and refreshes the post page just as a comment does); reports have their own. Counted in the
 * rate-limit table in one transaction per count, so the limits hold across processes and restarts.
 */
import 'server-only';
import { recordRateLimitHit } from '@/db/queries/rate-limits';
import { env } from '@/lib/env';

export const FLOOD_MIN_INTERVAL_MS = 10_000;
export const FLOOD_MAX_PER_HOUR = 30;
export const REPORTS_PER_HOUR = 10;
const HOUR_MS = 3_600_000;

/** Counts one comment or edit by this member; a clear sentence when they are writing too fast, else null. */
export async function commentWriteRefusal(userId: string, now: Date): Promise<string | null> {
  if (env.COMMENT_FLOOD_LIMITS !== 'on') return null;
  if (!(await recordRateLimitHit(`comment:burst:${userId}`, 1, FLOOD_MIN_INTERVAL_MS, now))) {
    return 'You are writing very quickly. Please wait a few seconds and send it again; your text is kept.';
  }
  if (!(await recordRateLimitHit(`comment:hour:${userId}`, FLOOD_MAX_PER_HOUR, HOUR_MS, now))) {
    return `You have posted or edited ${FLOOD_MAX_PER_HOUR} comments in the last hour, the most we allow. Please take a break and try again later; your text is kept.`;
  }
  return null;
}

/** Counts one report by this member; a sentence when they have sent the most we take in an hour, else null. */
export async function reportRefusal(userId: string, now: Date): Promise<string | null> {
  if (await recordRateLimitHit(`comment:report:${userId}`, REPORTS_PER_HOUR, HOUR_MS, now)) return null;
  return `You have sent ${REPORTS_PER_HOUR} reports in the last hour, the most we take. Thank you for looking out for others; the moderators are on it. Please try again later.`;
}
