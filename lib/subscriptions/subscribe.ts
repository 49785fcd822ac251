/**
 * Joining the list. The answer never reveals whether an address was already subscribed: a new or
 * pending address gets (again) a confirmation link, a confirmed one a short "already subscribed" note.
 */
import 'server-only';
import { saveSignUp, type SubscriptionChoices } from '@/db/queries/subscribers';
import { getSiteSettings } from '@/db/queries/settings';
import { kickMailWorker } from '@/lib/mail/worker';
import { allowSubscribeRequest } from '@/lib/rate-limit';
import { alreadySubscribedEmail, confirmationEmail } from './emails';

export type SignUpOutcome = 'sent' | 'rate-limited';

export function requestSubscription(email: string, choices: SubscriptionChoices, ip: string, now = new Date()): SignUpOutcome {
  if (!allowSubscribeRequest(email, ip, now)) return 'rate-limited';
  const siteName = getSiteSettings().name;
  saveSignUp(email, choices, now, (subscriber) =>
    subscriber.status === 'confirmed' ? alreadySubscribedEmail(siteName, subscriber) : confirmationEmail(siteName, subscriber, now),
  );
  kickMailWorker();
  return 'sent';
}
