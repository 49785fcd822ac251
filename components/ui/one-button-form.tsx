'use client';
/**
 * A form that is just one button, optionally carrying the signed token of an email link (mute a
 * conversation, confirm or leave a subscription). Pages reached from email links show this button
 * rather than acting on a GET, because mail scanners open links but never press buttons. Works without JavaScript too.
 */
import { FormStatus } from './form-status';
import type { FormAction } from '@/lib/actions/state';
import { useFormAction } from './use-form-action';

type Props = {
  action: FormAction;
  token?: string;
  /** Other hidden fields, e.g. the id of what the button acts on. */ fields?: Record<string, string>;
  label: string;
  pendingLabel: string;
  danger?: boolean;
};

export function OneButtonForm({ action, token, fields = {}, label, pendingLabel, danger = false }: Props) {
  const [state, formAction, pending] = useFormAction(action);
  return (
    <form action={formAction} className="stack-form">
      {token !== undefined && <input type="hidden" name="token" value={token} />}
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {!state.ok && (
        <button type="submit" className={danger ? 'button--danger' : undefined} disabled={pending}>
          {pending ? pendingLabel : label}
        </button>
      )}
      <FormStatus state={state} />
    </form>
  );
}
