'use client';
/** Choosing or changing the name others see. */
import { ActionForm } from '@/components/ui/action-form';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import type { FormAction } from '@/lib/actions/state';
import { displayNameSchema } from '@/lib/validations/display-name';

type Props = { action: FormAction; currentName: string | null; submitLabel: string; next?: string };

export function DisplayNameForm({ action, currentName, submitLabel, next }: Props) {
  const controller = useActionForm(displayNameSchema, action, { name: currentName ?? '' });
  const { form } = controller;
  return (
    <ActionForm controller={controller} submitLabel={submitLabel} pendingLabel="Saving…">
      <TextField
        label="Display name"
        hint="This is what others see next to your comments. A first name or a pseudonym is fine; your email is never shown."
        autoComplete="nickname"
        maxLength={80}
        error={form.formState.errors.name?.message}
        registration={form.register('name')}
      />
      {next && <input type="hidden" name="next" value={next} />}
    </ActionForm>
  );
}
