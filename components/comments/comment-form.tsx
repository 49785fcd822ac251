'use client';
/**
 * Writing a comment, a reply or an edit: Markdown-lite, a live character count, a draft kept in the
 * browser as the member types, and the text kept whenever the server says no.
 */
import { useEffect, useId, useRef } from 'react';
import { FormStatus } from '@/components/ui/form-status';
import { useActionForm } from '@/components/ui/use-action-form';
import type { z } from 'zod';
import type { ActionState, FormAction } from '@/lib/actions/state';
import type { EditCommentInput, WaitingCommentInput } from '@/lib/validations/comment';
import { COMMENT_MAX_LENGTH } from '@/lib/validations/comment-limits';
import { clearDraft, loadDraft, saveDraft, type DraftOwner } from './comment-draft';
import { useComments } from './comments-context';

type Props =
  | { mode: 'new' | 'reply' | 'guest'; action: FormAction; parentId?: number; commentId?: never; initialBody?: never; initialNote?: never; onDone?: () => void }
  | { mode: 'edit'; action: FormAction; commentId: number; initialBody: string; initialNote: string | null; parentId?: never; onDone?: () => void };

const LABELS = { new: ['Your comment', 'Post comment'], guest: ['Your comment', 'Post comment'], reply: ['Your reply', 'Post reply'], edit: ['Edit your comment', 'Save changes'] } as const;

/**
 * Every field any of the three schemas reads: each mode's form holds some of them (the hidden ids, the
 * guest's name and address), all hold the text and the note.
 */
type CommentFields = Partial<WaitingCommentInput & EditCommentInput> & Pick<EditCommentInput, 'body' | 'contentNote'>;
type CommentFieldsSchema = z.ZodType<CommentFields, CommentFields>;

/** Which schema checks this form (the same one its server action parses). Loaded when the form is first checked: zod stays out of the post page's first load. */
const SCHEMAS: Record<Props['mode'], () => Promise<CommentFieldsSchema>> = {
  new: () => import('@/lib/validations/comment').then((m) => m.commentSchema),
  reply: () => import('@/lib/validations/comment').then((m) => m.commentSchema),
  guest: () => import('@/lib/validations/comment').then((m) => m.waitingCommentSchema),
  edit: () => import('@/lib/validations/comment').then((m) => m.editCommentSchema),
};

export function CommentForm(props: Props) {
  const { postId, postPath, loaded, viewer, refresh } = useComments();
  const { mode, onDone } = props;
  const id = useId();
  // A signed-out visitor's comment ("guest") is the same draft as a member's new comment.
  const draftScope = props.mode === 'edit' ? `edit:${props.commentId}` : `${postId}:${props.parentId ?? 'new'}`;
  // Whose draft this form keeps: fixed once the page knows (so a member's text is never kept as someone
  // else's, even if their session ends while the form is open). Text typed before that is a guest draft,
  // which the member then takes over.
  const draftOwner = useRef<DraftOwner | undefined>(undefined);
  // The accepted answer already acted on: each is acted on once, whatever re-renders follow it.
  const answered = useRef<ActionState | null>(null);
  const hidden = props.mode === 'edit' ? { commentId: props.commentId } : { postId, parentId: props.parentId ?? '', website: '' };
  const hiddenFields = props.mode === 'edit' ? (['commentId'] as const) : (['postId', 'parentId'] as const);
  const { form, state, pending, formAction, onSubmit } = useActionForm(SCHEMAS[props.mode], props.action, {
    ...hidden,
    ...(props.mode === 'guest' ? { name: '', email: '' } : {}),
    body: props.initialBody ?? '',
    contentNote: props.initialNote ?? '',
  });
  const body = String(form.watch('body') ?? '');
  const errors = form.formState.errors;
  // A signed-out visitor's reply asks for a name and address like their comment, labelled as a reply.
  const [label, submitLabel] = LABELS[props.mode === 'guest' && props.parentId ? 'reply' : props.mode];

  useEffect(() => {
    // A reply or edit form opens where the person pressed the button: take them straight to the text.
    if (mode !== 'new') form.setFocus('body');
  }, [form, mode]);
  useEffect(() => {
    if (!loaded || draftOwner.current !== undefined) return;
    draftOwner.current = viewer?.id ?? null;
    const draft = loadDraft(draftOwner.current, draftScope);
    if (draft) form.setValue('body', draft);
  }, [loaded, viewer, draftScope, form]);
  useEffect(() => {
    // Only what the person types is kept (not the text a draft or an accepted answer puts in the box).
    const typing = form.watch((values, { name, type }) => {
      if (name === 'body' && type === 'change') saveDraft(draftOwner.current ?? null, draftScope, String(values.body ?? ''));
    });
    return () => typing.unsubscribe();
  }, [draftScope, form]);
  useEffect(() => {
    // Runs once per accepted answer, not when the text changes.
    if (!state.ok || answered.current === state) return;
    answered.current = state;
    clearDraft(draftOwner.current ?? null, draftScope);
    if (mode !== 'edit') {
      form.setValue('body', '');
      form.setValue('contentNote', '');
    }
    refresh();
    onDone?.();
  }, [state, draftScope, form, mode, onDone, refresh]);

  const signInHref = `/signin?${new URLSearchParams({ callbackUrl: `${postPath}#comment-form` })}`;
  const bodyError = errors.body?.message;
  const noteError = errors.contentNote?.message;
  const nameError = errors.name?.message;
  const emailError = errors.email?.message;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="comment-form">
      {hiddenFields.map((name) => (
        <input key={name} type="hidden" {...form.register(name)} />
      ))}
      <div className="field">
        <label htmlFor={`${id}-body`}>{label}</label>
        <p id={`${id}-hint`} className="field__hint">
          Paragraphs, *emphasis*, **bold**, links, lists and &gt; quotes work. Your draft is kept in this browser until it is posted.
        </p>
        <textarea
          id={`${id}-body`}
          rows={props.mode === 'new' ? 6 : 4}
          aria-invalid={bodyError ? true : undefined}
          aria-describedby={`${id}-hint ${id}-count${bodyError ? ` ${id}-error` : ''}`}
          {...form.register('body')}
        />
        <p id={`${id}-count`} className={body.length > COMMENT_MAX_LENGTH ? 'field__count field__count--over' : 'field__count'}>
          {body.length.toLocaleString('en')} / {COMMENT_MAX_LENGTH.toLocaleString('en')} characters
        </p>
        {bodyError && (
          <p id={`${id}-error`} className="field__error">
            {bodyError}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>Content note (optional)</label>
        <p id={`${id}-note-hint`} className="field__hint">
          For example “mentions self-harm” or “describes side effects”. Readers see the note first and open the comment if they choose.
        </p>
        <input id={`${id}-note`} aria-describedby={`${id}-note-hint`} aria-invalid={noteError ? true : undefined} maxLength={120} {...form.register('contentNote')} />
        {noteError && <p className="field__error">{noteError}</p>}
      </div>
      {props.mode === 'guest' && (
        <>
          <div className="field">
            <label htmlFor={`${id}-name`}>Your name, as shown with the comment</label>
            <input id={`${id}-name`} autoComplete="nickname" maxLength={50} aria-invalid={nameError ? true : undefined} {...form.register('name')} />
            {nameError && <p className="field__error">{nameError}</p>}
          </div>
          <div className="field">
            <label htmlFor={`${id}-email`}>Your email address</label>
            <p id={`${id}-email-hint`} className="field__hint">
              Never shown. We email you a link: your comment is posted, and you are signed in, when you confirm it. Already a member? Use your address: the comment appears under your usual name.
            </p>
            <input id={`${id}-email`} type="email" autoComplete="email" aria-describedby={`${id}-email-hint`} aria-invalid={emailError ? true : undefined} {...form.register('email')} />
            {emailError && <p className="field__error">{emailError}</p>}
          </div>
        </>
      )}
      {props.mode !== 'edit' && (
        <div className="visually-hidden" aria-hidden="true">
          <label>
            Leave this empty <input tabIndex={-1} autoComplete="off" {...form.register('website')} />
          </label>
        </div>
      )}
      {viewer || props.mode === 'guest' ? (
        <button type="submit" disabled={pending}>
          {pending ? 'Sending…' : submitLabel}
        </button>
      ) : (
        <a className="button-link" href={signInHref}>
          Sign in to comment
        </a>
      )}
      {props.mode === 'guest' && (
        <p className="field__hint">
          Prefer to sign in first? <a href={signInHref}>Sign in to comment</a>
        </p>
      )}
      <FormStatus state={state} />
      {!state.ok && state.message?.startsWith('Your session has ended') && <a href={signInHref}>Sign in again (your text is kept)</a>}
    </form>
  );
}
