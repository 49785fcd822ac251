/** The frame every member-facing form shares: fields, one submit button that waits, and the answer. */
import type { FormEvent, ReactNode } from 'react';
import type { ActionState } from '@/lib/actions/state';
import { FormStatus } from './form-status';

type Controller = {
  state: ActionState;
  pending: boolean;
  formAction: (formData: FormData) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
};

type Props = { controller: Controller; submitLabel: string; pendingLabel: string; danger?: boolean; children: ReactNode };

export function ActionForm({ controller, submitLabel, pendingLabel, danger = false, children }: Props) {
  const { state, pending, formAction, onSubmit } = controller;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="stack-form">
      {children}
      <button type="submit" className={danger ? 'button--danger' : undefined} disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </button>
      <FormStatus state={state} />
    </form>
  );
}
