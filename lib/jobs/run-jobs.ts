/**
 * The jobs that run on every tick of the worker: scheduled posts, then the ones that turn events into
 * queued mail (reply notices, digests) and expiry. Each job decides for itself whether anything is due.
 */
import 'server-only';
import { processReplyNotices } from '@/lib/comments/reply-notifications';
import { processModerationDigests } from '@/lib/moderation/alert-digest';
import { processWeeklyDigests } from '@/lib/subscriptions/digest';
import { forgetExpiredSignUps } from './expired-sign-ups';
import { publishScheduledPosts } from './scheduled-posts';

const JOBS: [string, (now: Date) => unknown][] = [
  ['reply notices', processReplyNotices],
  ['weekly digest', processWeeklyDigests],
  ['moderation summaries', processModerationDigests],
  ['expired sign-ups', forgetExpiredSignUps],
];

/**
 * Runs every job once. Each runs on its own, so one failing job neither stops the others nor loses the
 * slugs just published. Returns those slugs (their cached pages are stale).
 */
export async function runJobs(now = new Date()): Promise<string[]> {
  let published: string[] = [];
  try {
    published = await publishScheduledPosts(now);
  } catch (error) {
    console.error('[hearth] publishing scheduled posts failed:', error);
  }
  for (const [name, job] of JOBS) {
    try {
      await job(now);
    } catch (error) {
      console.error(`[hearth] mail job "${name}" failed:`, error);
    }
  }
  return published;
}
