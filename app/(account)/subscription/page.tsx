import type { Metadata } from 'next';
import { SubscriptionChoicesForm } from '@/components/subscriptions/subscription-choices-form';
import { OneButtonForm } from '@/components/ui/one-button-form';
import { listCategories } from '@/db/queries/taxonomy';
import { resubscribeAction, unsubscribeAction, updateSubscriptionAction } from '@/lib/actions/subscriptions';
import { readManageToken } from '@/lib/subscriptions/links';

export const metadata: Metadata = { title: 'Your email subscription' };

const NOT_RECEIVING = {
  unsubscribed: { heading: 'You are unsubscribed', explanation: 'will not get any more posts from us. Changed your mind?' },
  undeliverable: { heading: 'Emails to this address bounced', explanation: 'could not receive our emails, so we stopped sending. If the mailbox works again:' },
  pending: { heading: 'Your subscription is not confirmed yet', explanation: 'gets no posts until it is confirmed. You can confirm here:' },
} as const;

type Props = { searchParams: Promise<{ token?: string; note?: string }> };

// Reached from the "unsubscribe" link in every email: the signed token is the proof, no sign-in needed.
export default async function SubscriptionPage({ searchParams }: Props) {
  const { token = '', note } = await searchParams;
  const subscriber = await readManageToken(token);
  if (!subscriber) {
    return (
      <div className="page-narrow">
        <h1>This subscription link is not valid</h1>
        <p>It may have been cut short by your email program. Open it again from the newest email; every email has one.</p>
      </div>
    );
  }
  if (subscriber.status !== 'confirmed') {
    const { heading, explanation } = NOT_RECEIVING[subscriber.status];
    return (
      <div className="page-narrow">
        <h1>{heading}</h1>
        <p role="status">
          <strong>{subscriber.email}</strong> {explanation}
        </p>
        <OneButtonForm action={resubscribeAction} token={token} label="Subscribe again" pendingLabel="Subscribing…" />
      </div>
    );
  }
  return (
    <div className="page-narrow">
      <h1>Your email subscription</h1>
      {note === 'confirmed' && (
        <p className="notice" role="status">
          You are subscribed. Welcome!
        </p>
      )}
      <p>
        New posts are emailed to <strong>{subscriber.email}</strong>.
      </p>
      {/* Choices first: fewer emails is often what someone came for, and leaving stays one button below. */}
      <section aria-labelledby="choices-heading">
        <h2 id="choices-heading">What you get</h2>
        <SubscriptionChoicesForm action={updateSubscriptionAction} token={token} topics={await listCategories()} current={{ frequency: subscriber.frequency, categoryIds: subscriber.categoryIds }} />
      </section>
      <section aria-labelledby="leave-heading">
        <h2 id="leave-heading">Unsubscribe</h2>
        <OneButtonForm action={unsubscribeAction} token={token} label="Unsubscribe" pendingLabel="Unsubscribing…" danger />
      </section>
    </div>
  );
}
