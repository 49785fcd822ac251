/** The subscribe invitation shown after every post and in the footer. */
import { subscribeAction } from '@/lib/actions/subscriptions';
import type { TopicOption } from './choice-fields';
import { SubscribeForm } from './subscribe-form';

type Props = { topics: TopicOption[]; idPrefix: string; heading: string };

export function SubscribeBox({ topics, idPrefix, heading }: Props) {
  const headingId = `${idPrefix}-heading`;
  return (
    <section className="subscribe-box" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      <p>Subscribe to get the latest posts sent to your email. No account needed, and every email has a one-click unsubscribe link.</p>
      <SubscribeForm action={subscribeAction} topics={topics} idPrefix={idPrefix} />
    </section>
  );
}
