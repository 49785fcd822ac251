'use client';
/** The one button that mutes a conversation (works without JavaScript too). */
import { useActionState } from 'react';
import { FormStatus } from '@/components/ui/form-status';
import type { FormAction } from '@/components/ui/use-action-form';
import { initialActionState } from '@/lib/actions/state';

export function MuteThreadForm({ action, token }: { action: FormAction; token: string }) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="stack-form">
      <input type="hidden" name="token" value={token} />
      {!state.ok && (
        <button type="submit" disabled={pending}>
          {pending ? 'Muting…' : 'Mute this conversation'}
        </button>
      )}
      <FormStatus state={state} />
    </form>
  );
}
