/**
 * Publishing: "publish now" and the scheduler that publishes posts at their time. Either way the post's
 * subscribers are emailed once, queued in the same transaction that publishes it.
 */
import 'server-only';
import type { Actor } from '@/db/queries/activity';
import { publishDueScheduledPosts, publishPostNow, type ComposeAnnouncement } from '@/db/queries/post-publishing';
import { getNewPostEmailContent, getSiteSettings } from '@/db/queries/settings';
import { emailPostBody } from '@/lib/mail/post-body';
import { newPostEmail } from '@/lib/subscriptions/emails';

/** Each post's body is made ready for email once, not once per subscriber. */
const announcement = (): ComposeAnnouncement => {
  const siteName = getSiteSettings().name;
  const full = getNewPostEmailContent() === 'full';
  const bodies = new Map<number, ReturnType<typeof emailPostBody>>();
  const bodyOf = (post: Parameters<ComposeAnnouncement>[0]) => bodies.get(post.id) ?? bodies.set(post.id, emailPostBody(post.body)).get(post.id)!;
  return (post, recipient) => newPostEmail(siteName, post, recipient, full ? bodyOf(post) : null);
};

/** Publishes a post at `now` and queues its announcement (logged as the actor's, when given). Null when there is no such post. */
export function publishPost(postId: number, now = new Date(), actor?: Actor): { slug: string; queued: number } | null {
  return publishPostNow(postId, now, announcement(), actor);
}

/** Run by the mail worker on every tick (an injectable clock for tests). Returns the slugs published. */
export function publishDuePosts(now = new Date()): string[] {
  return publishDueScheduledPosts(now, announcement());
}
