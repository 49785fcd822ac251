/** Job: subscriptions never confirmed within the confirmation link's lifetime are forgotten, address and all. */
import 'server-only';
import { deleteExpiredPending } from '@/db/queries/subscriber-lifecycle';
import { CONFIRMATION_VALID_MS } from '@/lib/subscriptions/links';

export function forgetExpiredSignUps(now: Date): void {
  deleteExpiredPending(new Date(now.getTime() - CONFIRMATION_VALID_MS));
}
