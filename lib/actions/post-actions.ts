/** The post editor's server actions, passed together to the client workspace. */
import type { PostActions } from '@/components/admin/post-workspace';
import { deletePostAction, publishPostAction, savePostAction, schedulePostAction, unpublishPostAction } from './editor';

export const postActions: PostActions = { save: savePostAction, publish: publishPostAction, schedule: schedulePostAction, unpublish: unpublishPostAction, remove: deletePostAction };
