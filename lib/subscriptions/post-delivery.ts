/**
 * A post's newsletter delivery as its admin page shows it. Only the post's author and admins may see it;
 * addresses and failure reasons (which often quote the address) only admins, who see them on /admin/subscribers anyway.
 */
import 'server-only';
import { getPostDelivery, type DeliveryState } from '@/db/queries/outbox';
import { postForEditing } from '@/lib/editorial/posts';
import { isAdmin } from '@/lib/roles';
import type { CurrentUser } from '@/lib/session';

export type DeliveryLineView = { id: number; to: string; state: DeliveryState; reason: string | null; sentAt: string | null };
export type PostDeliveryView = { counts: Record<DeliveryState, number>; lines: DeliveryLineView[] | null };

/** Null when this person may not see the post. */
export async function postDeliveryFor(viewer: CurrentUser, postId: number): Promise<PostDeliveryView | null> {
  if (!(await postForEditing(viewer, postId))) return null;
  const { counts, lines } = await getPostDelivery(postId);
  if (!isAdmin(viewer.role)) return { counts, lines: null };
  return { counts, lines: lines.map((l) => ({ id: l.id, to: l.to, state: l.state, reason: l.state === 'sent' ? null : l.lastError, sentAt: l.sentAt?.toISOString() ?? null })) };
}
