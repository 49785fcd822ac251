'use client';
/**
 * The post editor: fields on the left, the post as readers will see it on the right, its buttons kept in
 * view. Changes save themselves every few seconds once they are valid: into the draft itself, or, for a
 * post readers can see (or will, at its time), privately until Update. Leaving with unsaved changes asks first.
 */
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PostStatus } from '@/db/schema-values';
import { FormStatus } from '@/components/ui/form-status';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { slugify } from '@/db/slug';
import type { ActionState, FormAction } from '@/lib/actions/state';
import { postEditorSchema, type PostEditorInput } from '@/lib/validations/post-editor';
import { EditorActionBar, type EditorButton } from './editor-action-bar';
import { ImageUpload } from './image-upload';
import { InsertImage } from './insert-image';
import { MarkdownPreview } from './markdown-preview';
import { useAutosave } from './use-autosave';
import { useEditorActions } from './use-editor-actions';

export type PostEditorActions = { save: FormAction; publish: FormAction; update: FormAction; discard: FormAction };

type Props = {
  actions: PostEditorActions;
  postId: number | null;
  /** Null for a post not saved yet. */
  status: PostStatus | null;
  /** Whether unpublished changes are kept privately already (the editor opened them). */
  hasWorkingCopy: boolean;
  defaults: PostEditorInput;
  categories: { id: number; name: string }[];
  cover: { url: string; width: number; height: number } | null;
  /** Tells the publishing panel whether what it acts on is saved. */
  onDirtyChange?: (dirty: boolean) => void;
};

const DISCARD: EditorButton = { intent: 'discard', label: 'Discard changes', pendingLabel: 'Discarding…', quiet: true };
const PUBLISH: EditorButton = { intent: 'publish', label: 'Publish now', pendingLabel: 'Publishing…' };

function buttonsFor(status: PostStatus | null, canDiscard: boolean): EditorButton[] {
  const discard = canDiscard ? [DISCARD] : [];
  if (status === 'published') return [{ intent: 'update', label: 'Update post', pendingLabel: 'Updating…' }, ...discard];
  if (status === 'scheduled') return [{ intent: 'update', label: 'Update scheduled post', pendingLabel: 'Updating…' }, PUBLISH, ...discard];
  return [PUBLISH, { intent: 'save', label: 'Save draft', pendingLabel: 'Saving…', quiet: true }];
}

export function PostEditor({ actions, postId, status, hasWorkingCopy, defaults, categories, cover: initialCover, onDirtyChange }: Props) {
  const router = useRouter();
  const { form, state: saveState, pending: saving, formAction } = useActionForm(postEditorSchema, actions.save, defaults);
  const { state, last, dispatchers, pending, onSubmit } = useEditorActions(form, { state: saveState, pending: saving, formAction }, actions);
  const formRef = useRef<HTMLFormElement>(null);
  const [slugEdited, setSlugEdited] = useState(postId !== null);
  const [cover, setCover] = useState(initialCover);
  const live = status === 'published' || status === 'scheduled';
  const [keptPrivately, setKeptPrivately] = useState(hasWorkingCopy);
  const dirty = form.formState.isDirty;

  // A new post gets its id at its first save. Saved by the person, it moves to its own address (its page has
  // more panels); saved by the autosave, often while they are still typing or an image is uploading, only the
  // address changes, in place, so nothing on the page is lost.
  const [savedId, setSavedId] = useState(postId);
  const autosaving = useRef(false);
  const autosave = useCallback(
    (data: FormData) => {
      autosaving.current = true;
      formAction(data);
    },
    [formAction],
  );
  // After a save the saved values become the new baseline: once per answer of the save action, whatever
  // re-renders follow it.
  const answeredSave = useRef<ActionState | null>(null);
  useEffect(() => {
    if (!saveState.ok || answeredSave.current === saveState) return;
    answeredSave.current = saveState;
    form.reset(form.getValues());
    if (live) setKeptPrivately(true);
    if (postId === null && saveState.id) {
      if (autosaving.current) {
        setSavedId(saveState.id);
        window.history.replaceState(null, '', `/admin/posts/${saveState.id}`);
      } else router.replace(`/admin/posts/${saveState.id}`);
    }
    autosaving.current = false;
  }, [saveState, form, live, postId, router]);

  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  useAutosave(form, formRef, autosave, pending);

  const update = status === 'scheduled' ? 'Update scheduled post' : 'Update post';
  const where = live
    ? dirty
      ? `Unsaved changes: kept privately every few seconds. Readers see nothing until you press ${update}.`
      : keptPrivately
        ? 'Changes saved privately — not yet on the site.'
        : 'The editor shows the version on the site.'
    : dirty
      ? 'Unsaved changes (saved automatically every few seconds once the post is valid).'
      : savedId
        ? 'All changes saved.'
        : '';

  const title = form.register('title', { onChange: (e) => !slugEdited && form.setValue('slug', slugify(e.target.value), { shouldDirty: true }) });
  const errors = form.formState.errors;
  return (
    <div className="post-editor">
      <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="stack-form" aria-label="Post">
        <input type="hidden" name="postId" value={savedId ?? ''} />
        <EditorActionBar label="Post actions" buttons={buttonsFor(status, live && (keptPrivately || dirty))} dispatchers={dispatchers} pending={pending} last={last} status={where} />
        <FormStatus state={state} />
        <TextField label="Title" error={errors.title?.message} registration={title} />
        <TextField
          label="Web address (slug)"
          hint="Lowercase letters, digits and hyphens. Changing it later keeps the old address working."
          error={errors.slug?.message}
          registration={form.register('slug', { onChange: () => setSlugEdited(true) })}
        />
        <TextField label="Summary" hint="Shown on lists, in feeds and in emails to subscribers." error={errors.excerpt?.message} registration={form.register('excerpt')} />
        <div className="field">
          <label htmlFor="field-categoryId">Category</label>
          <select id="field-categoryId" {...form.register('categoryId')}>
            <option value="">No category</option>
            {categories.map((c) => (
              <option key={c.id} value={String(c.id)}>
                {c.name}
              </option>
            ))}
          </select>
          {errors.categoryId && <p className="field__error">{errors.categoryId.message}</p>}
        </div>
        <TextField label="Tags" hint="Separated by commas; new tags are created as you save." error={errors.tags?.message} registration={form.register('tags')} />
        <TextAreaField label="Text (Markdown)" error={errors.body?.message} registration={form.register('body')} />
        <InsertImage textareaId="field-body" onInsert={(body) => form.setValue('body', body, { shouldDirty: true })} />
        <fieldset className="choices">
          <legend>Cover image (optional)</legend>
          {/* eslint-disable-next-line @next/next/no-img-element -- uploads are stored as already-sized WebP copies with their width and height; Next's image optimizer is not used */}
          {cover && <img src={cover.url} width={cover.width} height={cover.height} alt="" className="post__cover" />}
          <ImageUpload
            label={cover ? 'Replace the cover image' : 'Upload a cover image'}
            onUploaded={(upload) => {
              setCover(upload);
              form.setValue('coverImageId', String(upload.id), { shouldDirty: true });
            }}
          />
          <input type="hidden" {...form.register('coverImageId')} />
          {errors.coverImageId && <p className="field__error">{errors.coverImageId.message}</p>}
          <TextField label="Image description (alt text)" hint="What the image shows, for people who cannot see it." error={errors.coverAlt?.message} registration={form.register('coverAlt')} />
        </fieldset>
        <TextField
          label="Content note (optional)"
          hint="For example “discusses suicide” or “describes medication side effects”: readers see it first and open the post themselves."
          error={errors.contentNote?.message}
          registration={form.register('contentNote')}
        />
        <TextField label="Health information last reviewed (optional)" type="date" error={errors.lastReviewedAt?.message} registration={form.register('lastReviewedAt')} />
        <label className="choice">
          <input type="checkbox" {...form.register('commentsClosed')} /> Close comments on this post
        </label>
      </form>
      <section aria-labelledby="preview-heading" className="post-editor__preview">
        <h2 id="preview-heading">Preview</h2>
        <MarkdownPreview body={form.watch('body') ?? ''} />
      </section>
    </div>
  );
}
