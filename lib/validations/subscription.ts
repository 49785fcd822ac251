/** Schemas of the subscription forms, shared by the browser (zodResolver) and the server actions. */
import { z } from 'zod';
import { SUBSCRIPTION_FREQUENCIES } from '@/db/subscription-frequencies';
import { emailAddressSchema } from './sign-in';

/** Ticked category boxes: none (every post), one, or many; the browser and a plain form post send these differently. */
const categoryIdsSchema = z.preprocess(
  (value) => (Array.isArray(value) ? value : typeof value === 'string' && value !== '' ? [value] : []),
  z.array(z.coerce.number({ error: 'Choose topics from the list.' }).int('Choose topics from the list.').positive('Choose topics from the list.')).max(50, 'Choose at most 50 topics.'),
);

const frequencySchema = z.enum(SUBSCRIPTION_FREQUENCIES, { error: 'Choose how often you want email.' });

export const subscribeSchema = z.object({
  email: emailAddressSchema,
  frequency: frequencySchema.default('each-post'),
  categoryIds: categoryIdsSchema,
});
export type SubscribeInput = z.input<typeof subscribeSchema>;

export const subscriptionChoicesSchema = z.object({
  token: z.string().max(2000),
  frequency: frequencySchema,
  categoryIds: categoryIdsSchema,
});
export type SubscriptionChoicesInput = z.input<typeof subscriptionChoicesSchema>;
