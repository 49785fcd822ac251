/**
 * Where a sign-in action sends the browser next (Auth.js's callback, or back to ask again). With
 * JavaScript the form goes there by itself; without it, nothing follows the action, so this link does.
 */
import type { ActionState } from '@/lib/actions/state';

export function ContinueSignIn({ state }: { state: ActionState }) {
  if (!state.redirectTo) return null;
  return (
    <p>
      <a href={state.redirectTo}>{state.ok ? 'Continue signing in' : 'Continue'}</a>
    </p>
  );
}
