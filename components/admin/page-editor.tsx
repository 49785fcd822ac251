'use client';
/** Writing a static page: title, web address, Markdown text and its place in the menu. */
import { ActionForm } from '@/components/ui/action-form';
import { MarkdownPreview } from './markdown-preview';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { useActionForm, type FormAction } from '@/components/ui/use-action-form';
import { slugify } from '@/lib/slug';
import { pageEditorSchema, type PageEditorInput } from '@/lib/validations/page-editor';

type Props = { action: FormAction; current: PageEditorInput };

export function PageEditor({ action, current }: Props) {
  const isNew = current.id === '';
  const controller = useActionForm(pageEditorSchema, action, current);
  const { form } = controller;
  const { errors } = form.formState;
  const title = form.register('title');
  return (
    <div className="post-editor">
      <ActionForm controller={controller} submitLabel={isNew ? 'Create page' : 'Save page'} pendingLabel="Saving…">
        <input type="hidden" value={current.id} {...form.register('id')} />
        <TextField
          label="Title"
          maxLength={200}
          defaultValue={current.title}
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
          defaultValue={current.slug}
          error={errors.slug?.message}
          registration={form.register('slug')}
        />
        <TextField
          label="Position in the menu"
          hint="1 comes first. Leave empty to keep the page out of the menu."
          inputMode="numeric"
          maxLength={3}
          defaultValue={current.navOrder}
          error={errors.navOrder?.message}
          registration={form.register('navOrder')}
        />
        <TextAreaField
          label="Text (Markdown)"
          hint="## for a heading, **bold**, *italic*, [a link](https://example.org), - for a list. At most 200 KB."
          rows={20}
          defaultValue={current.body}
          error={errors.body?.message}
          registration={form.register('body')}
        />
      </ActionForm>
      <section aria-labelledby="page-preview-heading" className="post-editor__preview">
        <h2 id="page-preview-heading">Preview</h2>
        <MarkdownPreview body={form.watch('body') ?? ''} />
      </section>
    </div>
  );
}
