/** The post editor's server actions, passed together to the client workspace. */
import type { FormAction } from '@/components/ui/use-action-form';
import { deletePostAction, publishPostAction, savePostAction, schedulePostAction, unpublishPostAction } from './editor';

export type PostActions = { save: FormAction; publish: FormAction; schedule: FormAction; unpublish: FormAction; remove: FormAction };

export const postActions: PostActions = { save: savePostAction, publish: publishPostAction, schedule: schedulePostAction, unpublish: unpublishPostAction, remove: deletePostAction };
