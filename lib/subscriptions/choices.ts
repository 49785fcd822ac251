/** How often a subscriber hears from the site. Plain values: the database schema and the browser's forms share them. */
export const SUBSCRIPTION_FREQUENCIES = ['each-post', 'weekly'] as const;
export type SubscriptionFrequency = (typeof SUBSCRIPTION_FREQUENCIES)[number];

export const FREQUENCY_LABELS: Record<SubscriptionFrequency, string> = {
  'each-post': 'An email for each new post',
  weekly: 'One summary a week (Mondays)',
};
