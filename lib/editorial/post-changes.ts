/**
 * Changing a post readers can see, safely: Update puts the editor's fields on the site (keeping the
 * version as a revision), Discard drops the private working copy, Restore puts an earlier version into
 * the working copy (not live until Update). The editor page loads all of it through editorViewOf.
 * Each change is one transaction with the checks that allow it.
 */
import 'server-only';
import { savePostFields, type EditablePost, type PostSnapshot } from '@/db/queries/editor-posts';
import { deleteWorkingCopy, getRevision, getWorkingCopy, listRevisions, saveWorkingCopy } from '@/db/queries/revisions';
import { withTransaction } from '@/db/transaction';
import type { CurrentUser } from '@/lib/session';
import type { PostEditorValues } from '@/lib/validations/post-editor';
import { editablePost, fieldProblems, isResult, NOT_FOUND, staleTagsFor, type EditorResult } from './posts';
import { postFieldsOf, postSnapshotOf, readPostSnapshot } from './post-fields';
import { editsGoPrivately } from './safe-edit';

const NOT_LIVE: EditorResult = { ok: false, message: 'This post is not on the site: use Save draft or Publish now.' };

/** Update post / Update scheduled post: the fields go on the site at once, and the version is kept. */
export function updatePost(actor: CurrentUser, id: number, values: PostEditorValues, now = new Date()): Promise<EditorResult> {
  return withTransaction(async (): Promise<EditorResult> => {
    const post = await editablePost(actor, id);
    if (isResult(post)) return post;
    if (!editsGoPrivately(post.status)) return NOT_LIVE;
    const problems = await fieldProblems(values, id);
    if (problems) return problems;
    const saved = await savePostFields(actor, id, postFieldsOf(values), now, 'revision');
    return { ok: true, postId: id, slug: values.slug, staleTags: staleTagsFor({ status: post.status, slug: values.slug }, saved.oldSlug) };
  });
}

/** Discard changes: the working copy goes; nothing public changes. */
export function discardChanges(actor: CurrentUser, id: number): Promise<EditorResult & { discarded?: boolean }> {
  return withTransaction(async (): Promise<EditorResult & { discarded?: boolean }> => {
    const post = await editablePost(actor, id);
    if (isResult(post)) return post;
    return { ok: true, postId: id, slug: post.slug, staleTags: [], discarded: await deleteWorkingCopy('post', id) };
  });
}

/** Restore: an earlier version into the working copy, for the editor to check and Update. */
export function restoreRevision(actor: CurrentUser, id: number, revisionId: number, now = new Date()): Promise<EditorResult> {
  return withTransaction(async (): Promise<EditorResult> => {
    const post = await editablePost(actor, id);
    if (isResult(post)) return post;
    const revision = await getRevision('post', id, revisionId);
    if (!revision) return NOT_FOUND;
    await saveWorkingCopy('post', id, readPostSnapshot(revision.fields), actor, now);
    return { ok: true, postId: id, slug: post.slug, staleTags: [], savedPrivately: true };
  });
}

export type EditorView = {
  post: EditablePost;
  /** What the editor opens: the working copy when there is one, else the post. */
  fields: PostSnapshot;
  workingCopy: { savedAt: Date; savedByName: string | null } | null;
  revisions: { id: number; authorName: string; createdAt: Date; fields: PostSnapshot }[];
};

/** Everything the editor page shows, only for someone who may edit the post (revisions follow the same rule). */
export async function editorViewOf(actor: CurrentUser, id: number): Promise<EditorView | null> {
  const post = await editablePost(actor, id);
  if (isResult(post)) return null;
  const copy = await getWorkingCopy('post', id);
  return {
    post,
    fields: copy ? readPostSnapshot(copy.fields) : postSnapshotOf(post),
    workingCopy: copy && { savedAt: copy.savedAt, savedByName: copy.savedByName },
    revisions: (await listRevisions('post', id)).map((r) => ({ ...r, fields: readPostSnapshot(r.fields) })),
  };
}
