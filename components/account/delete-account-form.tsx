'use client';
/** Deleting one's account: what happens to one's comments, then a typed confirmation. */
import { ActionForm } from '@/components/ui/action-form';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import type { FormAction } from '@/lib/actions/state';
import { DELETE_CONFIRMATION, deleteAccountSchema } from '@/lib/validations/delete-account';

const CHOICES = [
  { value: 'keep', label: 'Keep them in the conversations as “deleted member”, with my words removed' },
  { value: 'remove', label: 'Remove them (where others replied, “This comment was deleted” stays so the thread still reads)' },
] as const;

export function DeleteAccountForm({ action }: { action: FormAction }) {
  const controller = useActionForm(deleteAccountSchema, action, { confirmation: '', comments: undefined as never });
  const { form } = controller;
  const choiceError = form.formState.errors.comments?.message;
  return (
    <ActionForm controller={controller} submitLabel="Delete my account" pendingLabel="Deleting…" danger>
      <fieldset className="choices" aria-describedby={choiceError ? 'delete-comments-error' : undefined}>
        <legend>Your comments</legend>
        {CHOICES.map((choice) => (
          <label key={choice.value} className="choice">
            <input type="radio" value={choice.value} {...form.register('comments')} /> {choice.label}
          </label>
        ))}
        {choiceError && (
          <p id="delete-comments-error" className="field__error">
            {choiceError}
          </p>
        )}
      </fieldset>
      <TextField label={`To confirm, type “${DELETE_CONFIRMATION}”`} autoComplete="off" error={form.formState.errors.confirmation?.message} registration={form.register('confirmation')} />
    </ActionForm>
  );
}
