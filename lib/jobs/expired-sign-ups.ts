/** Job: subscriptions never confirmed within the confirmation link's lifetime are forgotten, address and all. */
import 'server-only';
import { deleteExpiredPending } from '@/db/queries/subscriber-lifecycle';
import { CONFIRMATION_VALID_MS } from '@/lib/subscriptions/links';

export async function forgetExpiredSignUps(now: Date): Promise<void> {
  await deleteExpiredPending(new Date(now.getTime() - CONFIRMATION_VALID_MS));
}
