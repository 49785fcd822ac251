/**
 * The jobs that run on every tick of the worker: scheduled posts, then the ones that turn events into
 * queued mail (reply notices, digests) and expiry. Each job decides for itself whether anything is due.
 * Every instance's worker runs them, so each job runs on one instance at a time: one that finds the job
 * running elsewhere skips it this tick (db/job-lock.ts), and the next tick finds what is left, if anything.
 */
import 'server-only';
import { runUnlessRunningElsewhere } from '@/db/job-lock';
import { processReplyNotices } from '@/lib/comments/reply-notifications';
import { processModerationDigests } from '@/lib/moderation/alert-digest';
import { processWeeklyDigests } from '@/lib/subscriptions/digest';
import { forgetExpiredSignUps } from './expired-sign-ups';
import { publishScheduledPosts } from './scheduled-posts';

const JOBS: [string, (now: Date) => Promise<unknown>][] = [
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
    const outcome = await runUnlessRunningElsewhere('scheduled posts', () => publishScheduledPosts(now));
    if (outcome.ran) published = outcome.result;
  } catch (error) {
    console.error('[hearth] publishing scheduled posts failed:', error);
  }
  for (const [name, job] of JOBS) {
    try {
      await runUnlessRunningElsewhere(name, () => job(now));
    } catch (error) {
      console.error(`[hearth] mail job "${name}" failed:`, error);
    }
  }
  return published;
}
