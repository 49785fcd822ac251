'use client';
/** Deleting one's account, behind a typed confirmation. */
import { ActionForm } from '@/components/ui/action-form';
import { TextField } from '@/components/ui/text-field';
import { useActionForm, type FormAction } from '@/components/ui/use-action-form';
import { DELETE_CONFIRMATION, deleteAccountSchema } from '@/lib/validations/delete-account';

export function DeleteAccountForm({ action }: { action: FormAction }) {
  const controller = useActionForm(deleteAccountSchema, action, { confirmation: '' });
  return (
    <ActionForm controller={controller} submitLabel="Delete my account" pendingLabel="Deleting…" danger>
      <TextField
        label={`To confirm, type “${DELETE_CONFIRMATION}”`}
        autoComplete="off"
        error={controller.form.formState.errors.confirmation?.message}
        registration={controller.form.register('confirmation')}
      />
    </ActionForm>
  );
}
