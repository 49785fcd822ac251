'use client';
/** One email field and one button: the whole of signing in. */
import { ActionForm } from '@/components/ui/action-form';
import { TextField } from '@/components/ui/text-field';
import { useActionForm, type FormAction } from '@/components/ui/use-action-form';
import { signInSchema } from '@/lib/validations/sign-in';

export function SignInForm({ action, callbackUrl }: { action: FormAction; callbackUrl?: string }) {
  const controller = useActionForm(signInSchema, action, { email: '', callbackUrl });
  const { form } = controller;
  return (
    <ActionForm controller={controller} submitLabel="Email me a sign-in link" pendingLabel="Sending…">
      <TextField
        label="Email address"
        hint="We’ll email you a link and a code. No password needed."
        type="email"
        autoComplete="email"
        inputMode="email"
        error={form.formState.errors.email?.message}
        registration={form.register('email')}
      />
      {callbackUrl && <input type="hidden" {...form.register('callbackUrl')} />}
    </ActionForm>
  );
}
