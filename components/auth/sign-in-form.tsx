'use client';
/** One email field and one button: the whole of signing in. */
import { ActionForm } from '@/components/ui/action-form';
import { EmailField } from '@/components/ui/email-field';
import { useActionForm } from '@/components/ui/use-action-form';
import type { FormAction } from '@/lib/actions/state';
import { signInSchema } from '@/lib/validations/sign-in';

export function SignInForm({ action, callbackUrl }: { action: FormAction; callbackUrl?: string }) {
  const controller = useActionForm(signInSchema, action, { email: '', callbackUrl });
  const { form } = controller;
  return (
    <ActionForm controller={controller} submitLabel="Email me a sign-in link" pendingLabel="Sending…">
      <EmailField hint="We’ll email you a link and a code. No password needed." error={form.formState.errors.email?.message} registration={form.register('email')} />
      {callbackUrl && <input type="hidden" defaultValue={callbackUrl} {...form.register('callbackUrl')} />}
    </ActionForm>
  );
}
