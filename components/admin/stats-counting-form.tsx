'use client';
/** Turns private view counting on or off; the button says what pressing it will do. */
import { useActionState } from 'react';
import { FormStatus } from '@/components/ui/form-status';
import { initialActionState, type FormAction } from '@/lib/actions/state';

export function StatsCountingForm({ action, counting }: { action: FormAction; counting: boolean }) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="stack-form stats-counting" aria-label="View counting">
      <p>{counting ? 'Views are being counted: no cookies, no addresses, no browser details; readers who ask not to be tracked are left out.' : 'View counting is off: nothing is being counted.'}</p>
      <input type="hidden" name="counting" value={counting ? 'off' : 'on'} />
      <button type="submit" disabled={pending}>
        {pending ? 'Saving…' : counting ? 'Turn counting off' : 'Turn counting on'}
      </button>
      <FormStatus state={state} />
    </form>
  );
}
