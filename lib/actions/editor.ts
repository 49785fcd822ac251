'use server';
/** The post editor's actions: thin wrappers that re-check the session, parse with the editor's schema and refresh exactly the stale pages. */
import { updateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { deletePost, publishNow, savePost, schedule, unpublish, type EditorResult } from '@/lib/editorial/posts';
import { kickMailWorker } from '@/lib/mail/worker';
import { getCurrentUser } from '@/lib/session';
import { deletePostSchema, postEditorSchema, scheduleSchema } from '@/lib/validations/post-editor';
import { formFields, invalid, SIGNED_OUT, type ActionState } from './state';

const postIdOf = (formData: FormData): number | null => {
  const id = Number.parseInt(String(formData.get('postId') ?? ''), 10);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
};
const NO_POST: ActionState = { ok: false, message: 'Save the post first.' };

/** Refreshes what the change made stale and turns the result into the form's answer. */
function answer(result: EditorResult, success: string): ActionState {
  if (!result.ok) return { ok: false, message: result.message ?? 'Please check the highlighted fields. Nothing was saved.', fieldErrors: result.fieldErrors };
  for (const tag of result.staleTags) updateTag(tag);
  return { ok: true, message: success, id: result.postId };
}

const savedAt = () => `Saved at ${new Date().toISOString().slice(11, 16)} UTC.`;

export async function savePostAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await getCurrentUser();
  if (!user) return SIGNED_OUT;
  const parsed = postEditorSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  return answer(savePost(user, postIdOf(formData), parsed.data), savedAt());
}

export async function publishPostAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await getCurrentUser();
  if (!user) return SIGNED_OUT;
  const id = postIdOf(formData);
  if (id === null) return NO_POST;
  const state = answer(publishNow(user, id), 'Published.');
  if (!state.ok) return state;
  kickMailWorker();
  redirect(`/admin/posts/${id}?note=published`);
}

export async function schedulePostAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await getCurrentUser();
  if (!user) return SIGNED_OUT;
  const id = postIdOf(formData);
  if (id === null) return NO_POST;
  const parsed = scheduleSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  const state = answer(schedule(user, id, parsed.data), 'Scheduled.');
  if (!state.ok) return state;
  redirect(`/admin/posts/${id}?note=scheduled`);
}

export async function unpublishPostAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await getCurrentUser();
  if (!user) return SIGNED_OUT;
  const id = postIdOf(formData);
  if (id === null) return NO_POST;
  const state = answer(unpublish(user, id), 'Unpublished.');
  if (!state.ok) return state;
  redirect(`/admin/posts/${id}?note=unpublished`);
}

export async function deletePostAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await getCurrentUser();
  if (!user) return SIGNED_OUT;
  const id = postIdOf(formData);
  if (id === null) return NO_POST;
  const parsed = deletePostSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  const state = answer(deletePost(user, id), 'Deleted.');
  if (!state.ok) return state;
  redirect('/admin/posts?deleted=1');
}
