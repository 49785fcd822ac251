/** The /account choice, for staff only, of when to be emailed about comments that need a moderator. */
import { z } from 'zod';
import { MODERATION_ALERT_CHOICES } from '@/db/schema-values';

export const moderationAlertsSchema = z.object({
  moderationAlerts: z.enum(MODERATION_ALERT_CHOICES, { error: 'Choose one of the options.' }),
});
