/** How each subscription frequency reads to people, in forms, emails and the admin list. */
import type { SubscriptionFrequency } from '@/db/subscription-frequencies';

export const FREQUENCY_LABELS: Record<SubscriptionFrequency, string> = {
  'each-post': 'An email for each new post',
  weekly: 'One summary a week (Mondays)',
};
