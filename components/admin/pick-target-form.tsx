'use client';
/**
 * One choice of "where to", then one button: deleting a category (its posts and followers move to the
 * chosen one) or merging a tag into another. Posts the id and the choice; the server checks both.
 */
import { useActionState } from 'react';
import { FormStatus } from '@/components/ui/form-status';
import { initialActionState, type FormAction } from '@/lib/actions/state';

type Props = {
  action: FormAction;
  id: number;
  /** The posted name of the choice: "targetId", "intoId". */
  field: string;
  label: string;
  placeholder: string;
  options: { id: number; name: string }[];
  submitLabel: string;
  pendingLabel: string;
  danger?: boolean;
};

export function PickTargetForm({ action, id, field, label, placeholder, options, submitLabel, pendingLabel, danger = false }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const selectId = `${field}-${id}`;
  const error = state.fieldErrors?.[field]?.[0];
  return (
    <form action={formAction} className="stack-form">
      <input type="hidden" name="id" value={id} />
      <div className="field">
        <label htmlFor={selectId}>{label}</label>
        <select id={selectId} name={field} defaultValue="" aria-invalid={error ? true : undefined} aria-describedby={error ? `${selectId}-error` : undefined}>
          <option value="">{placeholder}</option>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </select>
        {error && (
          <p id={`${selectId}-error`} className="field__error">
            {error}
          </p>
        )}
      </div>
      <button type="submit" className={danger ? 'button--danger' : undefined} disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </button>
      <FormStatus state={state} />
    </form>
  );
}
