/** The post editor's server actions, passed together to the client workspace. */
import type { FormAction } from './state';
import { deletePostAction, discardPostChangesAction, publishPostAction, restorePostRevisionAction, savePostAction, schedulePostAction, unpublishPostAction, updatePostAction } from './editor';

export type PostActions = { save: FormAction; publish: FormAction; update: FormAction; discard: FormAction; restore: FormAction; schedule: FormAction; unpublish: FormAction; remove: FormAction };

export const postActions: PostActions = {
  save: savePostAction,
  publish: publishPostAction,
  update: updatePostAction,
  discard: discardPostChangesAction,
  restore: restorePostRevisionAction,
  schedule: schedulePostAction,
  unpublish: unpublishPostAction,
  remove: deletePostAction,
};
