'use client';
/** One image's alt text and caption in the media library; they are offered again whenever the image is inserted into a post. */
import { FormStatus } from '@/components/ui/form-status';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import type { FormAction } from '@/lib/actions/state';
import { uploadDetailsSchema } from '@/lib/validations/media';

type Props = { action: FormAction; upload: { id: number; name: string; alt: string; caption: string } };

export function UploadDetailsForm({ action, upload }: Props) {
  const { form, state, pending, formAction, onSubmit } = useActionForm(uploadDetailsSchema, action, { id: upload.id, alt: upload.alt, caption: upload.caption });
  const errors = form.formState.errors;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="stack-form" aria-label={`Describe ${upload.name}`}>
      <input type="hidden" {...form.register('id')} />
      <TextField id={`alt-${upload.id}`} label="Alt text" hint="What the image shows, for people who cannot see it." error={errors.alt?.message} registration={form.register('alt')} />
      <TextField id={`caption-${upload.id}`} label="Caption (optional)" error={errors.caption?.message} registration={form.register('caption')} />
      <button type="submit" className="button--secondary" disabled={pending}>
        {pending ? 'Saving…' : 'Save description'}
      </button>
      <FormStatus state={state} />
    </form>
  );
}
