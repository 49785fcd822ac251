/**
 * The email that announces a newly published post to its subscribers. Publishing (lib/editorial/posts.ts
 * "publish now", lib/jobs/scheduled-posts.ts at the post's time) hands this to the query, which queues
 * one per subscriber in the same transaction that publishes the post, so a post is announced once, ever.
 */
import 'server-only';
import type { ComposeAnnouncement } from '@/db/queries/post-publishing';
import { getNewPostEmailContent, getSiteSettings } from '@/db/queries/settings';
import { emailPostBody } from '@/lib/mail/post-body';
import { newPostEmail } from '@/lib/subscriptions/emails';

/**
 * Each post's body is made ready for email once, not once per subscriber. The settings are read here, before
 * the publishing transaction, so composing inside it reads nothing more than the sizes of the body's images.
 */
export async function newPostAnnouncement(): Promise<ComposeAnnouncement> {
  const [{ name: siteName }, content] = await Promise.all([getSiteSettings(), getNewPostEmailContent()]);
  const full = content === 'full';
  const bodies = new Map<number, ReturnType<typeof emailPostBody>>();
  const bodyOf = (post: Parameters<ComposeAnnouncement>[0]) => bodies.get(post.id) ?? bodies.set(post.id, emailPostBody(post.body)).get(post.id)!;
  return async (post, recipient) => newPostEmail(siteName, post, recipient, full ? await bodyOf(post) : null);
}
