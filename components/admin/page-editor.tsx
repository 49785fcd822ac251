'use client';
/**
 * Writing a static page: title, web address, Markdown text and its place in the menu, with its buttons kept
 * in view. A saved page's changes save themselves every few seconds: into a draft itself, or, for a
 * published page, privately until Update page (the same rules as posts).
 */
import { useEffect, useRef, useState } from 'react';
import type { PageStatus } from '@/db/schema-values';
import { FormStatus } from '@/components/ui/form-status';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { slugify } from '@/db/slug';
import type { FormAction } from '@/lib/actions/state';
import { pageEditorSchema, type PageEditorInput } from '@/lib/validations/page-editor';
import { EditorActionBar, type EditorButton } from './editor-action-bar';
import { MarkdownPreview } from './markdown-preview';
import { useAutosave } from './use-autosave';
import { useEditorActions } from './use-editor-actions';

export type PageEditorActions = { save: FormAction; publish: FormAction; update: FormAction; discard: FormAction };

/** `status` null: a page not created yet. */
type Props = { actions: PageEditorActions; current: PageEditorInput; status: PageStatus | null; hasWorkingCopy: boolean };

function buttonsFor(published: boolean, canDiscard: boolean): EditorButton[] {
  if (published)
    return [
      { intent: 'update', label: 'Update page', pendingLabel: 'Updating…' },
      ...(canDiscard ? [{ intent: 'discard' as const, label: 'Discard changes', pendingLabel: 'Discarding…', quiet: true }] : []),
    ];
  return [
    { intent: 'publish', label: 'Publish now', pendingLabel: 'Publishing…' },
    { intent: 'save', label: 'Save draft', pendingLabel: 'Saving…', quiet: true },
  ];
}

export function PageEditor({ actions, current, status, hasWorkingCopy }: Props) {
  const isNew = current.id === '';
  const published = status === 'published';
  const { form, state: saveState, pending: saving, formAction } = useActionForm(pageEditorSchema, actions.save, current);
  const { state, last, dispatchers, pending, onSubmit } = useEditorActions(form, { state: saveState, pending: saving, formAction }, actions);
  const formRef = useRef<HTMLFormElement>(null);
  const [keptPrivately, setKeptPrivately] = useState(hasWorkingCopy);
  const dirty = form.formState.isDirty;
  const { errors } = form.formState;

  useEffect(() => {
    if (!saveState.ok) return;
    form.reset(form.getValues());
    if (published) setKeptPrivately(true);
  }, [saveState, form, published]);
  // A new page is created by its first save (which opens its own address): never in the middle of typing.
  useAutosave(form, formRef, formAction, pending || isNew);

  const where = published
    ? dirty
      ? 'Unsaved changes: kept privately every few seconds. Readers see nothing until you press Update page.'
      : keptPrivately
        ? 'Changes saved privately — not yet on the site.'
        : 'The editor shows the version on the site.'
    : isNew
      ? 'A new page is a draft until you publish it.'
      : dirty
        ? 'Unsaved changes (saved automatically every few seconds once the page is valid).'
        : 'All changes saved. Readers cannot see this draft.';

  const title = form.register('title');
  return (
    <div className="post-editor">
      <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="stack-form" aria-label="Page">
        <input type="hidden" {...form.register('id')} />
        <EditorActionBar label="Page actions" buttons={buttonsFor(published, keptPrivately || dirty)} dispatchers={dispatchers} pending={pending} last={last} status={where} />
        <FormStatus state={state} />
        <TextField
          label="Title"
          maxLength={200}
          error={errors.title?.message}
          registration={{
            ...title,
            // A new page gets a web address suggested from its title; an existing one keeps its address.
            onBlur: async (event) => {
              if (isNew && form.getValues('slug') === '') form.setValue('slug', slugify(event.target.value));
              return title.onBlur(event);
            },
          }}
        />
        <TextField
          label="Web address (slug)"
          hint="The page will be at /<slug>. Lowercase letters, digits and hyphens, like “medical-disclaimer”."
          maxLength={80}
          autoCapitalize="none"
          spellCheck={false}
          error={errors.slug?.message}
          registration={form.register('slug')}
        />
        <TextField
          label="Position in the footer"
          hint="1 comes first. Leave empty to keep the page out of the footer's list of pages. The header's menu is arranged under Menu."
          inputMode="numeric"
          maxLength={3}
          error={errors.navOrder?.message}
          registration={form.register('navOrder')}
        />
        <TextAreaField
          label="Text (Markdown)"
          hint="## for a heading, **bold**, *italic*, [a link](https://example.org), - for a list. At most 200 KB."
          rows={20}
          error={errors.body?.message}
          registration={form.register('body')}
        />
      </form>
      <section aria-labelledby="page-preview-heading" className="post-editor__preview">
        <h2 id="page-preview-heading">Preview</h2>
        <MarkdownPreview body={form.watch('body') ?? ''} />
      </section>
    </div>
  );
}
