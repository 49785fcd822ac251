'use client';
/**
 * "Get new posts by email": an address, and optionally topics and a weekly summary. After sending,
 * the form gives way to "check your inbox" with a way to send the confirmation again.
 */
import { startTransition, useRef, type FormEvent } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { EmailField } from '@/components/ui/email-field';
import { useActionForm } from '@/components/ui/use-action-form';
import type { FormAction } from '@/lib/actions/state';
import { ChoiceFields, type TopicOption } from './choice-fields';

// Loaded when the form is first checked: zod stays out of every page's first load (this form is in the footer).
const loadSubscribeSchema = () => import('@/lib/validations/subscription').then((m) => m.subscribeSchema);

type Props = { action: FormAction; topics: TopicOption[]; idPrefix: string };

export function SubscribeForm({ action, topics, idPrefix }: Props) {
  // The box's heading (subscribe-box.tsx): the post's box and the footer's answer apart without JavaScript.
  const controller = useActionForm(loadSubscribeSchema, action, { email: '', frequency: 'each-post', categoryIds: [] }, `${idPrefix}-heading`);
  const { form, state, pending, formAction } = controller;
  const lastSent = useRef<FormData | null>(null);
  const remember = (event: FormEvent<HTMLFormElement>) => {
    lastSent.current = new FormData(event.currentTarget);
    controller.onSubmit(event);
  };
  const sendAgain = () => {
    if (lastSent.current) startTransition(() => formAction(lastSent.current!));
  };

  if (state.ok) {
    return (
      <div className="subscribe-sent" role="status">
        <p>
          <strong>{state.message}</strong> Only confirmed addresses get posts.
        </p>
        <p>Nothing after a few minutes? Check your spam folder{lastSent.current ? ', or send it again.' : ', or subscribe again for a new link.'}</p>
        {lastSent.current && (
          <button type="button" className="button--secondary" onClick={sendAgain} disabled={pending}>
            {pending ? 'Sending…' : 'Send it again'}
          </button>
        )}
      </div>
    );
  }
  return (
    <ActionForm controller={{ ...controller, onSubmit: remember }} submitLabel="Subscribe" pendingLabel="Subscribing…">
      <EmailField id={`${idPrefix}-email`} error={form.formState.errors.email?.message} registration={form.register('email')} />
      <details className="subscribe-options">
        <summary>Choose topics or a weekly summary (optional)</summary>
        <ChoiceFields
          idPrefix={idPrefix}
          topics={topics}
          frequency={form.register('frequency')}
          categoryIds={form.register('categoryIds')}
          topicsError={form.formState.errors.categoryIds?.message}
          defaults={{ frequency: 'each-post', categoryIds: [] }}
        />
      </details>
    </ActionForm>
  );
}
