/** The form's overall answer, announced politely to screen readers. */
import type { ActionState } from '@/lib/actions/state';

export function FormStatus({ state }: { state: ActionState }) {
  return (
    <p aria-live="polite" role="status" className={state.message ? (state.ok ? 'form-status form-status--ok' : 'form-status form-status--error') : 'form-status'}>
      {state.message}
    </p>
  );
}
