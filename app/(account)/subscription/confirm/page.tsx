import type { Metadata } from 'next';
import { OneButtonForm } from '@/components/ui/one-button-form';
import { confirmSubscriptionAction } from '@/lib/actions/subscriptions';
import { readConfirmToken } from '@/lib/subscriptions/links';

export const metadata: Metadata = { title: 'Confirm your subscription' };

type Props = { searchParams: Promise<{ token?: string }> };

// The link in the confirmation email lands here. Mail scanners open links but do not press
// buttons, so nobody is subscribed until the person presses "Confirm".
export default async function ConfirmSubscriptionPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const link = await readConfirmToken(token);
  if ('problem' in link) {
    return (
      <div className="page-narrow">
        <h1>{link.problem === 'expired' ? 'This confirmation link has expired' : 'This confirmation link is not valid'}</h1>
        <p>
          {link.problem === 'expired'
            ? 'Confirmation links work for 7 days. Subscribe again with the form at the bottom of this page and we will send a new one.'
            : 'It may have been cut short by your email program. Open it again from the email, or subscribe again with the form at the bottom of this page.'}
        </p>
      </div>
    );
  }
  const { subscriber } = link;
  return (
    <div className="page-narrow">
      <h1>Confirm your subscription</h1>
      <p>
        New posts will be emailed to <strong>{subscriber.email}</strong>. You can change what you get, or leave, from any email.
      </p>
      <OneButtonForm action={confirmSubscriptionAction} token={token ?? ''} label="Confirm my subscription" pendingLabel="Confirming…" />
      <p>Didn’t ask for this? Close this page: nothing happens until the button is pressed.</p>
    </div>
  );
}
