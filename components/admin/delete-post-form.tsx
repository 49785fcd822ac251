'use client';
/** Deleting a post takes a typed confirmation: it removes its comments too and cannot be undone. */
import { ActionForm } from '@/components/ui/action-form';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import type { FormAction } from '@/lib/actions/state';
import { deletePostSchema } from '@/lib/validations/post-editor';

export function DeletePostForm({ action, postId }: { action: FormAction; postId: number }) {
  const controller = useActionForm(deletePostSchema, action, { confirm: '' });
  return (
    <ActionForm controller={controller} submitLabel="Delete this post" pendingLabel="Deleting…" danger>
      <input type="hidden" name="postId" value={postId} />
      <TextField
        label="Type “delete” to confirm"
        hint="The post and its comments are removed for good."
        autoComplete="off"
        error={controller.form.formState.errors.confirm?.message}
        registration={controller.form.register('confirm')}
      />
    </ActionForm>
  );
}
