'use server';
/** Admin controls for outgoing mail. */
import { retryMailNow } from '@/db/queries/outbox';
import { kickMailWorker } from '@/lib/mail/worker';
import { isAdmin } from '@/lib/roles';
import { getCurrentUser } from '@/lib/session';
import { orUnexpected, SIGNED_OUT, UNEXPECTED, type ActionState } from './state';

export async function retryMailAction(_prev: ActionState, _formData: FormData): Promise<ActionState> {
  const user = await getCurrentUser();
  if (!user) return SIGNED_OUT;
  if (!isAdmin(user.role)) return { ok: false, message: 'Only admins can do this.' };
  const count = orUnexpected('mail retry', () => retryMailNow());
  if (count === UNEXPECTED) return UNEXPECTED;
  kickMailWorker();
  return { ok: true, message: count === 0 ? 'Nothing was waiting to be retried.' : `${count} ${count === 1 ? 'message is' : 'messages are'} being sent again now.` };
}
