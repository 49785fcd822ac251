'use client';
/**
 * Adding or editing a redirect at /admin/redirects: the old address and where it goes now. The same
 * checks run here and on the server, which also refuses addresses Hearth answers itself and duplicates.
 */
import { useEffect } from 'react';
import { FormStatus } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import type { FormAction } from '@/lib/actions/state';
import { redirectSchema } from '@/lib/validations/redirect';

type Props = { action: FormAction; current: { id: string; fromPath: string; toPath: string }; submitLabel: string };

export function RedirectForm({ action, current, submitLabel }: Props) {
  const { form, state, pending, formAction, onSubmit } = useActionForm(redirectSchema, action, current);
  const errors = form.formState.errors as Partial<Record<'fromPath' | 'toPath', { message?: string }>>;
  const isNew = current.id === '';
  // The add form empties after a redirect was added, ready for the next one.
  useEffect(() => {
    if (isNew && state.ok) form.reset();
  }, [isNew, state, form]);
  const idFor = (field: string) => `redirect-${current.id || 'new'}-${field}`;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="stack-form">
      <input type="hidden" {...form.register('id')} />
      <TextField
        id={idFor('from')}
        label="Old address"
        hint="A path on this site (/2024/05/01/pacing/, /?p=42) or the full old address; case and trailing slash do not matter."
        error={errors.fromPath?.message}
        registration={form.register('fromPath')}
        autoComplete="off"
      />
      <TextField
        id={idFor('to')}
        label="Goes to"
        hint="A path on this site (/posts/pacing) or an https:// address."
        error={errors.toPath?.message}
        registration={form.register('toPath')}
        autoComplete="off"
      />
      <button type="submit" disabled={pending}>
        {pending ? 'Saving…' : submitLabel}
      </button>
      <FormStatus state={state} />
    </form>
  );
}
