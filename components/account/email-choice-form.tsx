'use client';
/** One "when should we email you?" choice on /account (replies; for staff, comments that need a moderator). */
import { FormStatus } from '@/components/ui/form-status';
import { useFormAction } from '@/components/ui/use-form-action';
import type { FormAction } from '@/lib/actions/state';

type Props = { action: FormAction; name: string; legend: string; choices: readonly { value: string; label: string }[]; current: string; submitLabel: string };

export function EmailChoiceForm({ action, name, legend, choices, current, submitLabel }: Props) {
  const [state, formAction, pending] = useFormAction(action);
  return (
    <form action={formAction} className="stack-form">
      <fieldset className="choices">
        <legend>{legend}</legend>
        {choices.map((choice) => (
          <label key={choice.value} className="choice">
            <input type="radio" name={name} value={choice.value} defaultChecked={current === choice.value} /> {choice.label}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={pending}>
        {pending ? 'Saving…' : submitLabel}
      </button>
      <FormStatus state={state} />
    </form>
  );
}
