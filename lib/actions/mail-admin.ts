'use server';
/** Admin controls for outgoing mail. */
import { z } from 'zod';
import { retryMailNow } from '@/db/queries/outbox';
import { kickMailWorker } from '@/lib/mail/worker';
import { isAdmin } from '@/lib/roles';
import { formAction } from './guarded';

export const retryMailAction = formAction(
  { name: 'mail retry', access: { role: isAdmin, refusal: 'Only admins can do this.' }, schema: z.object({}) },
  () => {
    const count = retryMailNow();
    kickMailWorker();
    return { ok: true, message: count === 0 ? 'Nothing was waiting to be retried.' : `${count} ${count === 1 ? 'message is' : 'messages are'} being sent again now.` };
  },
);
