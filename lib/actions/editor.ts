'use server';
/**
 * The post editor's actions: thin on purpose. The wrapper checks that the person may write posts and
 * parses the form; the rules in lib/editorial decide whether this post is theirs and whether a change
 * goes on the site or into the private working copy; then exactly the stale pages are refreshed.
 */
import { updateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { getSiteIdentity } from '@/db/queries/settings';
import { discardChanges, restoreRevision, updatePost } from '@/lib/editorial/post-changes';
import { deletePost, publishPost, savePost, schedulePost, unpublish, type EditorResult } from '@/lib/editorial/posts';
import { savedPrivatelyAt } from '@/lib/editorial/safe-edit';
import { formatClock } from '@/lib/format';
import { kickWorker } from '@/lib/jobs/worker';
import { WRITERS } from '@/lib/roles';
import { deletePostFormSchema, postIdSchema, publishPostSchema, restoreRevisionSchema, savePostSchema, schedulePostSchema } from '@/lib/validations/post-editor';
import { formAction } from './guarded';
import type { ActionState } from './state';

const writers = { roles: WRITERS, refusal: 'Only the post’s author or an admin can do this.' };
const NO_POST: ActionState = { ok: false, message: 'Save the post first.' };

/** Refreshes what the change made stale and turns the result into the form's answer. */
function answer(result: EditorResult, success: string): ActionState {
  if (!result.ok) return { ok: false, message: result.message ?? 'Please check the highlighted fields. Nothing was saved.', fieldErrors: result.fieldErrors };
  for (const tag of result.staleTags) updateTag(tag);
  return { ok: true, message: success, id: result.postId };
}

/** After a change of status or version the editor page is loaded again, so its fields, notices and buttons are current. */
function reopen(state: ActionState, note: string): ActionState {
  if (!state.ok || !state.id) return state;
  // `v` changes on every reload, so the editor starts again from the server's version.
  redirect(`/admin/posts/${state.id}?note=${note}&v=${Date.now().toString(36)}`);
}

const savedAt = async () => `Saved at ${formatClock(new Date(), await getSiteIdentity())}.`;

/** Save draft and autosave: a draft is saved; a post on the site keeps the changes privately. */
export const savePostAction = formAction({ name: 'post save', access: writers, schema: savePostSchema }, async ({ postId, ...values }, user) => {
  const result = await savePost(user, postId, values);
  return answer(result, result.ok && result.savedPrivately ? savedPrivatelyAt(new Date(), await getSiteIdentity()) : await savedAt());
});

export const publishPostAction = formAction({ name: 'publishing', access: writers, schema: publishPostSchema }, async ({ postId, ...fields }, user) => {
  if (!('title' in fields) && postId === null) return NO_POST;
  const state = answer(await publishPost(user, postId, 'title' in fields ? fields : null), 'Published.');
  if (state.ok) kickWorker();
  return reopen(state, 'published');
});

export const updatePostAction = formAction({ name: 'post update', access: writers, schema: savePostSchema }, async ({ postId, ...values }, user) =>
  postId === null ? NO_POST : reopen(answer(await updatePost(user, postId, values), 'Updated.'), 'updated'),
);

export const discardPostChangesAction = formAction({ name: 'discarding post changes', access: writers, schema: postIdSchema }, async ({ postId }, user) =>
  postId === null ? NO_POST : reopen(answer(await discardChanges(user, postId), 'Discarded.'), 'discarded'),
);

export const restorePostRevisionAction = formAction({ name: 'post restore', access: writers, schema: restoreRevisionSchema }, async ({ postId, revisionId }, user) =>
  postId === null ? NO_POST : reopen(answer(await restoreRevision(user, postId, revisionId), 'Restored.'), 'restored'),
);

export const schedulePostAction = formAction({ name: 'scheduling', access: writers, schema: schedulePostSchema }, async ({ postId, at }, user) =>
  postId === null ? NO_POST : reopen(answer(await schedulePost(user, postId, at), 'Scheduled.'), 'scheduled'),
);

export const unpublishPostAction = formAction({ name: 'unpublishing', access: writers, schema: postIdSchema }, async ({ postId }, user) =>
  postId === null ? NO_POST : reopen(answer(await unpublish(user, postId), 'Unpublished.'), 'unpublished'),
);

export const deletePostAction = formAction({ name: 'post deletion', access: writers, schema: deletePostFormSchema }, async ({ postId }, user) => {
  if (postId === null) return NO_POST;
  const state = answer(await deletePost(user, postId), 'Deleted.');
  if (!state.ok) return state;
  redirect('/admin/posts?deleted=1');
});
