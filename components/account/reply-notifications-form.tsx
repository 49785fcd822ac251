'use client';
/** "Email me when someone replies": at once, a daily digest, or never. */
import { useActionState } from 'react';
import { FormStatus } from '@/components/ui/form-status';
import type { FormAction } from '@/components/ui/use-action-form';
import { initialActionState } from '@/lib/actions/state';

const CHOICES = [
  { value: 'instant', label: 'At once, one email per reply' },
  { value: 'daily', label: 'One summary a day (at 08:00 in the site’s time zone), only when there are replies' },
  { value: 'never', label: 'Never' },
] as const;

export function ReplyNotificationsForm({ action, current }: { action: FormAction; current: string }) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="stack-form">
      <fieldset className="choices">
        <legend>Email me when someone replies to my comments</legend>
        {CHOICES.map((choice) => (
          <label key={choice.value} className="choice">
            <input type="radio" name="replyNotifications" value={choice.value} defaultChecked={current === choice.value} /> {choice.label}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Save email choices'}
      </button>
      <FormStatus state={state} />
    </form>
  );
}
