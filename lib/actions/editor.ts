'use server';
/** The post editor's actions: thin wrappers that re-check the session, parse with the editor's schema and refresh exactly the stale pages. */
import { updateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { deletePost, publishNow, savePost, schedule, unpublish, type EditorResult } from '@/lib/editorial/posts';
import { kickMailWorker } from '@/lib/mail/worker';
import { getCurrentUser, type CurrentUser } from '@/lib/session';
import { deletePostSchema, postEditorSchema, scheduleSchema } from '@/lib/validations/post-editor';
import { formFields, invalid, orUnexpected, SIGNED_OUT, UNEXPECTED, type ActionState } from './state';

const postIdOf = (formData: FormData): number | null => {
  const id = Number.parseInt(formFields(formData).postId ?? '', 10);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
};
const NO_POST: ActionState = { ok: false, message: 'Save the post first.' };

/** Refreshes what the change made stale and turns the result into the form's answer. */
function answer(result: EditorResult | typeof UNEXPECTED, success: string): ActionState {
  if (result === UNEXPECTED) return UNEXPECTED;
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
  return answer(orUnexpected('post save', () => savePost(user, postIdOf(formData), parsed.data)), savedAt());
}

/** The common start of the publishing actions: who is asking, and which saved post. */
async function withSavedPost(formData: FormData, act: (user: CurrentUser, id: number) => ActionState): Promise<ActionState> {
  const user = await getCurrentUser();
  if (!user) return SIGNED_OUT;
  const id = postIdOf(formData);
  return id === null ? NO_POST : act(user, id);
}

/** After a status change the editor page is loaded again, so its status line and buttons are current. */
function reopen(state: ActionState, id: number, note: string): ActionState {
  if (!state.ok) return state;
  redirect(`/admin/posts/${id}?note=${note}`);
}

export async function publishPostAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return withSavedPost(formData, (user, id) => {
    const state = answer(orUnexpected('publishing', () => publishNow(user, id)), 'Published.');
    if (state.ok) kickMailWorker();
    return reopen(state, id, 'published');
  });
}

export async function schedulePostAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = scheduleSchema.safeParse(formFields(formData));
  return withSavedPost(formData, (user, id) =>
    parsed.success ? reopen(answer(orUnexpected('scheduling', () => schedule(user, id, parsed.data)), 'Scheduled.'), id, 'scheduled') : invalid(parsed.error),
  );
}

export async function unpublishPostAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return withSavedPost(formData, (user, id) => reopen(answer(orUnexpected('unpublishing', () => unpublish(user, id)), 'Unpublished.'), id, 'unpublished'));
}

export async function deletePostAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = deletePostSchema.safeParse(formFields(formData));
  return withSavedPost(formData, (user, id) => {
    if (!parsed.success) return invalid(parsed.error);
    const state = answer(orUnexpected('post deletion', () => deletePost(user, id)), 'Deleted.');
    if (!state.ok) return state;
    redirect('/admin/posts?deleted=1');
  });
}
