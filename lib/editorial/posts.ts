/**
 * What editors may do with posts, checked here for every call (the server actions are thin wrappers):
 * authors write and publish their own posts, admins anyone's; moderators and members nothing.
 * Drafts save into the post itself; edits of a post readers can see (or will, at its time) go to a
 * private working copy until Update (lib/editorial/post-changes.ts). Each function says which cache tags its change makes stale.
 * Each change is one transaction: the permission and field checks see exactly what the write then changes.
 */
import 'server-only';
import { categoryExists, deletePostById, getEditablePost, isSlugTaken, savePostFields, setPostStatus, uploadExists, type EditablePost } from '@/db/queries/editor-posts';
import { markPostPublished } from '@/db/queries/post-publishing';
import { saveWorkingCopy } from '@/db/queries/revisions';
import { lockFor, withTransaction } from '@/db/transaction';
import type { CurrentUser } from '@/lib/session';
import { TAGS } from '@/lib/cache';
import { canEditPost, canWritePosts } from '@/lib/roles';
import type { PostEditorValues } from '@/lib/validations/post-editor';
import { newPostAnnouncement } from './announcement';
import { postFieldsOf, snapshotOfValues } from './post-fields';
import { editsGoPrivately } from './safe-edit';

export type EditorResult = { ok: true; postId: number; slug: string; staleTags: string[]; savedPrivately?: true } | { ok: false; message?: string; fieldErrors?: Record<string, string[]> };

const REFUSED: EditorResult = { ok: false, message: 'Only the post’s author or an admin can do this.' };
export const NOT_FOUND: EditorResult = { ok: false, message: 'That post no longer exists.' };

/** A readers' page shows this post now or will at its time: lists and its own page must be refreshed. */
const isPublic = (post: Pick<EditablePost, 'status'>) => post.status !== 'draft';
export const staleTagsFor = (post: Pick<EditablePost, 'status' | 'slug'>, ...oldSlugs: (string | null)[]) => [
  ...(isPublic(post) ? [TAGS.posts] : []),
  TAGS.post(post.slug),
  ...oldSlugs.filter((s): s is string => Boolean(s) && s !== post.slug).map(TAGS.post),
];

export async function editablePost(actor: CurrentUser, id: number): Promise<EditablePost | EditorResult> {
  if (!canWritePosts(actor.role)) return REFUSED;
  const post = await getEditablePost(id);
  if (!post) return NOT_FOUND;
  return canEditPost(actor, post.authorId) ? post : REFUSED;
}
export const isResult = (value: EditablePost | EditorResult): value is EditorResult => 'ok' in value;

/**
 * What is wrong with the fields beyond their shape (a clash, something gone), or null. Runs inside the save's
 * transaction, holding the lock on the address it checks, so two posts saved at once cannot both take it.
 */
export async function fieldProblems(values: PostEditorValues, id: number | null): Promise<EditorResult | null> {
  await lockFor(`post address ${values.slug}`);
  const fieldErrors: Record<string, string[]> = {};
  if (await isSlugTaken(values.slug, id ?? undefined)) fieldErrors.slug = ['Another post already uses (or used) this web address. Choose another.'];
  if (values.categoryId !== null && !(await categoryExists(values.categoryId))) fieldErrors.categoryId = ['That category no longer exists. Reload the page and choose again.'];
  if (values.coverImageId !== null && !(await uploadExists(values.coverImageId))) fieldErrors.coverImageId = ['That image is gone. Upload it again.'];
  if (values.coverImageId !== null && !values.coverAlt) fieldErrors.coverAlt = ['Describe the image for people who cannot see it.'];
  return Object.keys(fieldErrors).length > 0 ? { ok: false, message: 'Please check the highlighted fields. Nothing was saved.', fieldErrors } : null;
}

/**
 * Save draft and autosave: creates (id null) or saves a draft into the post itself; for a post readers
 * can see, keeps the changes in its private working copy instead (nothing public changes). Never changes whether it is public.
 */
export async function savePost(actor: CurrentUser, id: number | null, values: PostEditorValues, now = new Date()): Promise<EditorResult> {
  if (!canWritePosts(actor.role)) return REFUSED;
  return withTransaction(async (): Promise<EditorResult> => {
    const existing = id === null ? null : await editablePost(actor, id);
    if (existing && isResult(existing)) return existing;
    const problems = await fieldProblems(values, id);
    if (problems) return problems;
    if (existing && editsGoPrivately(existing.status)) {
      await saveWorkingCopy('post', existing.id, snapshotOfValues(values), actor, now);
      return { ok: true, postId: existing.id, slug: existing.slug, staleTags: [], savedPrivately: true };
    }
    const saved = await savePostFields(actor, id, postFieldsOf(values), now);
    return { ok: true, postId: saved.id, slug: values.slug, staleTags: staleTagsFor({ status: 'draft', slug: values.slug }, saved.oldSlug) };
  });
}

/**
 * "Publish now". With the form's fields, they become the post first (a scheduled post's version is kept
 * as a revision); without them (no form at hand), the saved version is published as it is. Either way the
 * post is published and its subscribers emailed (once, ever). A published post is updated instead.
 */
export async function publishPost(actor: CurrentUser, id: number | null, values: PostEditorValues | null, now = new Date()): Promise<EditorResult> {
  if (!canWritePosts(actor.role)) return REFUSED;
  return withTransaction(async (): Promise<EditorResult> => {
    const existing = id === null ? null : await editablePost(actor, id);
    if (existing && isResult(existing)) return existing;
    let target: { id: number; slug: string; oldSlug: string | null };
    if (values) {
      const problems = await fieldProblems(values, id);
      if (problems) return problems;
      const saved = await savePostFields(actor, id, postFieldsOf(values), now, existing && editsGoPrivately(existing.status) ? 'revision' : undefined);
      target = { id: saved.id, slug: values.slug, oldSlug: saved.oldSlug };
    } else if (existing) {
      target = { id: existing.id, slug: existing.slug, oldSlug: null };
    } else {
      return NOT_FOUND;
    }
    if (!(await markPostPublished(target.id, now, await newPostAnnouncement(), actor))) return NOT_FOUND;
    return { ok: true, postId: target.id, slug: target.slug, staleTags: staleTagsFor({ status: 'published', slug: target.slug }, target.oldSlug) };
  });
}

/** The post appears at `at` by itself; the mail worker then marks it published and emails subscribers. */
export function schedulePost(actor: CurrentUser, id: number, at: Date, now = new Date()): Promise<EditorResult> {
  return withTransaction(async (): Promise<EditorResult> => {
    const post = await editablePost(actor, id);
    if (isResult(post)) return post;
    if (at.getTime() <= now.getTime()) return { ok: false, fieldErrors: { publishAt: ['Choose a time in the future.'] } };
    if (post.status === 'published' && post.publishedAt && post.publishedAt <= now) {
      return { ok: false, message: 'This post is already published. Unpublish it first to schedule it again.' };
    }
    await setPostStatus(actor, id, 'scheduled', at, now);
    return { ok: true, postId: id, slug: post.slug, staleTags: staleTagsFor({ status: 'scheduled', slug: post.slug }) };
  });
}

/** Back to draft: readers no longer see it (its old address answers "not found"). */
export function unpublish(actor: CurrentUser, id: number, now = new Date()): Promise<EditorResult> {
  return withTransaction(async (): Promise<EditorResult> => {
    const post = await editablePost(actor, id);
    if (isResult(post)) return post;
    await setPostStatus(actor, id, 'draft', post.publishedAt, now);
    return { ok: true, postId: id, slug: post.slug, staleTags: staleTagsFor({ status: 'published', slug: post.slug }) };
  });
}

export function deletePost(actor: CurrentUser, id: number, now = new Date()): Promise<EditorResult> {
  return withTransaction(async (): Promise<EditorResult> => {
    const post = await editablePost(actor, id);
    if (isResult(post)) return post;
    await deletePostById(actor, id, now);
    return { ok: true, postId: id, slug: post.slug, staleTags: [...staleTagsFor({ status: 'published', slug: post.slug }), TAGS.comments] };
  });
}

/** For pages that show the editor: the post if this person may edit it. */
export async function postForEditing(actor: CurrentUser, id: number): Promise<EditablePost | null> {
  const post = await editablePost(actor, id);
  return isResult(post) ? null : post;
}
