'use client';
/**
 * The emailed link's "Sign in" button. It posts to a server action on this site (which counts the
 * try and checks the code) rather than opening Auth.js's callback directly, so a page on another
 * site cannot sign this browser in, and mail scanners that open links sign nobody in.
 */
import { useActionState, useEffect } from 'react';
import { FormStatus } from '@/components/ui/form-status';
import { initialActionState, type FormAction } from '@/lib/actions/state';
import { ContinueSignIn } from './continue-sign-in';

type Props = { action: FormAction; email: string; token: string; callbackUrl: string };

export function ConfirmSignInForm({ action, email, token, callbackUrl }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  useEffect(() => {
    if (state.redirectTo) window.location.assign(state.redirectTo);
  }, [state]);
  return (
    <form action={formAction} className="stack-form">
      <input type="hidden" name="email" value={email} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {!state.redirectTo && (
        <button type="submit" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
      )}
      <FormStatus state={state} />
      <ContinueSignIn state={state} />
    </form>
  );
}
