/**
 * How often a subscriber hears from the site: the values of subscribers.frequency. A leaf with no imports,
 * so the schema, the rules and the browser's forms share one list (the words people read are in
 * lib/subscriptions/choices.ts).
 */
export const SUBSCRIPTION_FREQUENCIES = ['each-post', 'weekly'] as const;
export type SubscriptionFrequency = (typeof SUBSCRIPTION_FREQUENCIES)[number];
