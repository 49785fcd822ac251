'use client';
/**
 * Adding or renaming a category (name, web address, description) or renaming a tag (name, web address).
 * The same checks run here and on the server; an empty web address is made from the name.
 */
import { useEffect } from 'react';
import { FormStatus } from '@/components/ui/form-status';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import type { FormAction } from '@/lib/actions/state';
import { categorySchema, tagRenameSchema } from '@/lib/validations/taxonomy';

type Current = { id: string; name: string; slug: string; description?: string };
type Props = { kind: 'category' | 'tag'; action: FormAction; current: Current; submitLabel: string };

export function TaxonomyNameForm({ kind, action, current, submitLabel }: Props) {
  const isCategory = kind === 'category';
  const { form, state, pending, formAction, onSubmit } = useActionForm(isCategory ? categorySchema : tagRenameSchema, action, {
    ...current,
    description: current.description ?? '',
  });
  const errors = form.formState.errors as Partial<Record<'name' | 'slug' | 'description', { message?: string }>>;
  const isNew = current.id === '';
  // A new category's form empties after it was added, ready for the next one.
  useEffect(() => {
    if (isNew && state.ok) form.reset();
  }, [isNew, state, form]);
  const idFor = (field: string) => `${kind}-${current.id || 'new'}-${field}`;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="stack-form">
      <input type="hidden" {...form.register('id')} />
      <TextField id={idFor('name')} label="Name" error={errors.name?.message} registration={form.register('name')} autoComplete="off" />
      <TextField
        id={idFor('slug')}
        label="Web address"
        hint={`/${kind}/… — lowercase letters, digits and hyphens. Leave empty to make it from the name. The old address keeps working.`}
        error={errors.slug?.message}
        registration={form.register('slug')}
        autoComplete="off"
      />
      {isCategory && (
        <TextAreaField
          id={idFor('description')}
          label="Description"
          hint="Shown at the top of the category’s page."
          error={errors.description?.message}
          registration={form.register('description')}
          rows={3}
        />
      )}
      <button type="submit" disabled={pending}>
        {pending ? 'Saving…' : submitLabel}
      </button>
      <FormStatus state={state} />
    </form>
  );
}
