'use client';
/**
 * A post's newsletter delivery, live: while any email is still queued it asks again every few seconds.
 * Without JavaScript the server-rendered figures and the Refresh link still work.
 */
import { useEffect, useState } from 'react';
import type { PostDeliveryView } from '@/lib/subscriptions/post-delivery';

const POLL_MS = 3000;
const LABELS = { queued: 'Queued', sent: 'Sent', failed: 'Failed', cancelled: 'Skipped: unsubscribed' } as const;

export function PostDeliveryPanel({ postId, initial }: { postId: number; initial: PostDeliveryView }) {
  const [delivery, setDelivery] = useState(initial);
  const [problem, setProblem] = useState('');
  const waiting = delivery.counts.queued > 0;
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/admin/posts/${postId}/delivery`, { cache: 'no-store' });
        if (!response.ok) throw new Error(String(response.status));
        setDelivery(await response.json());
        setProblem('');
      } catch {
        setProblem('The figures could not be updated; they refresh again in a few seconds.');
        setDelivery((current) => ({ ...current })); // try again at the next tick
      }
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [delivery, waiting, postId]);

  return (
    <>
      <dl className="stat-list" aria-label="Newsletter emails for this post" aria-live="polite">
        {(Object.keys(LABELS) as (keyof typeof LABELS)[]).map((state) => (
          <div key={state}>
            <dt>{LABELS[state]}</dt>
            <dd>{delivery.counts[state]}</dd>
          </div>
        ))}
      </dl>
      <p className="field__hint">
        {waiting ? 'Still sending: these figures update by themselves. ' : ''}
        <a href={`/admin/posts/${postId}#delivery-heading`}>Refresh</a>
      </p>
      {problem && <p className="form-status form-status--error">{problem}</p>}
      {delivery.lines && delivery.lines.length > 0 && (
        <ul aria-label="Each email">
          {delivery.lines.map((line) => (
            <li key={line.id}>
              <strong>{line.to}</strong>: {LABELS[line.state]}
              {line.reason && <span className="field__hint"> ({line.reason})</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
