/**
 * Job: scheduled posts whose time has come are published and announced to their subscribers (the same
 * email as "publish now", queued in the same transaction). Returns their slugs, whose cached pages are then stale.
 */
import 'server-only';
import { markDuePostsPublished } from '@/db/queries/post-publishing';
import { newPostAnnouncement } from '@/lib/editorial/announcement';

export async function publishScheduledPosts(now = new Date()): Promise<string[]> {
  return markDuePostsPublished(now, await newPostAnnouncement());
}
