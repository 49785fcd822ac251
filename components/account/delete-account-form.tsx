'use client';
/** Deleting one's account, behind a typed confirmation. */
import { TextField } from '@/components/ui/text-field';
import { FormStatus } from '@/components/ui/form-status';
import { useActionForm, type FormAction } from '@/components/ui/use-action-form';
import { DELETE_CONFIRMATION, deleteAccountSchema } from '@/lib/validations/delete-account';

export function DeleteAccountForm({ action }: { action: FormAction }) {
  const { form, state, pending, formAction, onSubmit } = useActionForm(deleteAccountSchema, action, { confirmation: '' });
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="stack-form">
      <TextField
        label={`To confirm, type “${DELETE_CONFIRMATION}”`}
        autoComplete="off"
        error={form.formState.errors.confirmation?.message}
        registration={form.register('confirmation')}
      />
      <button type="submit" className="button--danger" disabled={pending}>
        {pending ? 'Deleting…' : 'Delete my account'}
      </button>
      <FormStatus state={state} />
    </form>
  );
}
