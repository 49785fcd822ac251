'use client';
/** Typing the code from the sign-in email, for when the email is open on another device. */
import { ActionForm } from '@/components/ui/action-form';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import type { FormAction } from '@/lib/actions/state';
import { signInCodeSchema } from '@/lib/validations/sign-in';
import { ContinueSignIn } from './continue-sign-in';

export function SignInCodeForm({ action }: { action: FormAction }) {
  const controller = useActionForm(signInCodeSchema, action, { code: '' });
  const { form } = controller;
  return (
    <ActionForm controller={controller} submitLabel="Sign in with this code" pendingLabel="Checking…">
      <TextField
        label="Code from the email"
        hint="8 letters and numbers, like ABCD-EF23."
        autoComplete="one-time-code"
        autoCapitalize="characters"
        spellCheck={false}
        error={form.formState.errors.code?.message}
        registration={form.register('code')}
      />
      <ContinueSignIn state={controller.state} />
    </ActionForm>
  );
}
