/** The /account choice of when to be emailed about replies. */
import { z } from 'zod';
import { REPLY_NOTIFICATION_CHOICES } from '@/db/schema-values';

export const replyNotificationsSchema = z.object({
  replyNotifications: z.enum(REPLY_NOTIFICATION_CHOICES, { error: 'Choose one of the options.' }),
});
