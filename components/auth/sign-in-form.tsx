'use client';
/** One email field and one button: the whole of signing in. */
import { TextField } from '@/components/ui/text-field';
import { FormStatus } from '@/components/ui/form-status';
import { useActionForm, type FormAction } from '@/components/ui/use-action-form';
import { signInSchema } from '@/lib/validations/sign-in';

export function SignInForm({ action, callbackUrl }: { action: FormAction; callbackUrl?: string }) {
  const { form, state, pending, formAction, onSubmit } = useActionForm(signInSchema, action, { email: '', callbackUrl });
  const errors = form.formState.errors;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="stack-form">
      <TextField
        label="Email address"
        hint="We’ll email you a link and a code. No password needed."
        type="email"
        autoComplete="email"
        inputMode="email"
        error={errors.email?.message}
        registration={form.register('email')}
      />
      {callbackUrl && <input type="hidden" {...form.register('callbackUrl')} />}
      <button type="submit" disabled={pending}>
        {pending ? 'Sending…' : 'Email me a sign-in link'}
      </button>
      <FormStatus state={state} />
    </form>
  );
}
