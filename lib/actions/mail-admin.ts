'use server';
/** Admin controls for outgoing mail. */
import { z } from 'zod';
import { retryMailNow } from '@/db/queries/outbox';
import { kickWorker } from '@/lib/jobs/worker';
import { ADMINS } from '@/lib/roles';
import { formAction } from './guarded';

export const retryMailAction = formAction({ name: 'mail retry', access: { roles: ADMINS, refusal: 'Only admins can do this.' }, schema: z.object({}) }, async () => {
  const count = await retryMailNow();
  kickWorker();
  return { ok: true, message: count === 0 ? 'Nothing was waiting to be retried.' : `${count} ${count === 1 ? 'message is' : 'messages are'} being sent again now.` };
});
