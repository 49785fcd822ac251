'use client';
/**
 * A moderator changes a comment's text in the queue (for example to take out a phone number). The
 * server keeps the earlier text in the comment's history and marks the comment "edited by a moderator".
 */
import { useEffect } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import type { ActionState, FormAction } from '@/lib/actions/state';
import { editCommentSchema } from '@/lib/validations/comment';

type Props = { action: FormAction; commentId: number; body: string; contentNote: string | null; authorName: string; onDone: (answer: ActionState) => void };

export function ModeratorEditForm({ action, commentId, body, contentNote, authorName, onDone }: Props) {
  const controller = useActionForm(editCommentSchema, action, { commentId, body, contentNote: contentNote ?? '' });
  const { form, state } = controller;
  const errors = form.formState.errors;
  useEffect(() => {
    if (state.ok) onDone(state);
  }, [state, onDone]);
  return (
    <ActionForm controller={controller} submitLabel="Save the new text" pendingLabel="Saving…">
      <input type="hidden" {...form.register('commentId')} />
      <TextAreaField
        id={`moderator-edit-${commentId}`}
        label={`Text of ${authorName}’s comment`}
        hint="Readers and the author will see “edited by a moderator”; the earlier text is kept in the comment’s history."
        rows={6}
        error={errors.body?.message}
        registration={form.register('body')}
      />
      <TextField id={`moderator-edit-note-${commentId}`} label="Content note (optional)" error={errors.contentNote?.message} registration={form.register('contentNote')} />
    </ActionForm>
  );
}
