/**
 * The "Newsletter delivery" section of a post's admin page: the figures as the page is rendered, then the
 * live panel. Shows nothing when no email was ever queued for the post.
 */
import { getCurrentUser } from '@/lib/session';
import { postDeliveryFor } from '@/lib/subscriptions/post-delivery';
import { PostDeliveryPanel } from './post-delivery-panel';

export async function PostDelivery({ postId }: { postId: number }) {
  const user = await getCurrentUser();
  const delivery = user && (await postDeliveryFor(user, postId));
  if (!delivery || Object.values(delivery.counts).every((n) => n === 0)) return null;
  return (
    <section aria-labelledby="delivery-heading">
      <h2 id="delivery-heading">Newsletter delivery</h2>
      <PostDeliveryPanel postId={postId} initial={delivery} />
    </section>
  );
}
