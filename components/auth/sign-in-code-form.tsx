'use client';
/** Typing the code from the sign-in email, for when the email is open on another device. */
import { TextField } from '@/components/ui/text-field';
import { FormStatus } from '@/components/ui/form-status';
import { useActionForm, type FormAction } from '@/components/ui/use-action-form';
import { signInCodeSchema } from '@/lib/validations/sign-in';

export function SignInCodeForm({ action }: { action: FormAction }) {
  const { form, state, pending, formAction, onSubmit } = useActionForm(signInCodeSchema, action, { code: '' });
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="stack-form">
      <TextField
        label="Code from the email"
        hint="8 letters and numbers, like ABCD-EF23."
        autoComplete="one-time-code"
        autoCapitalize="characters"
        spellCheck={false}
        error={form.formState.errors.code?.message}
        registration={form.register('code')}
      />
      <button type="submit" disabled={pending}>
        {pending ? 'Checking…' : 'Sign in with this code'}
      </button>
      <FormStatus state={state} />
    </form>
  );
}
