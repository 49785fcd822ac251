/**
 * Changing a post readers can see, safely: Update puts the editor's fields on the site (keeping the
 * version as a revision), Discard drops the private working copy, Restore puts an earlier version into
 * the working copy (not live until Update). The editor page loads all of it through editorViewOf.
 */
import 'server-only';
import { savePostFields, type EditablePost, type PostSnapshot } from '@/db/queries/editor-posts';
import { deleteWorkingCopy, getRevision, getWorkingCopy, listRevisions, saveWorkingCopy } from '@/db/queries/revisions';
import type { CurrentUser } from '@/lib/session';
import type { PostEditorValues } from '@/lib/validations/post-editor';
import { editablePost, fieldProblems, isResult, NOT_FOUND, staleTagsFor, type EditorResult } from './posts';
import { postFieldsOf, postSnapshotOf, readPostSnapshot } from './post-fields';
import { editsGoPrivately } from './safe-edit';

const NOT_LIVE: EditorResult = { ok: false, message: 'This post is not on the site: use Save draft or Publish now.' };

/** Update post / Update scheduled post: the fields go on the site at once, and the version is kept. */
export function updatePost(actor: CurrentUser, id: number, values: PostEditorValues, now = new Date()): EditorResult {
  const post = editablePost(actor, id);
  if (isResult(post)) return post;
  if (!editsGoPrivately(post.status)) return NOT_LIVE;
  const problems = fieldProblems(values, id);
  if (problems) return problems;
  const saved = savePostFields(actor, id, postFieldsOf(values), now, 'revision');
  return { ok: true, postId: id, slug: values.slug, staleTags: staleTagsFor({ status: post.status, slug: values.slug }, saved.oldSlug) };
}

/** Discard changes: the working copy goes; nothing public changes. */
export function discardChanges(actor: CurrentUser, id: number): EditorResult & { discarded?: boolean } {
  const post = editablePost(actor, id);
  if (isResult(post)) return post;
  return { ok: true, postId: id, slug: post.slug, staleTags: [], discarded: deleteWorkingCopy('post', id) };
}

/** Restore: an earlier version into the working copy, for the editor to check and Update. */
export function restoreRevision(actor: CurrentUser, id: number, revisionId: number, now = new Date()): EditorResult {
  const post = editablePost(actor, id);
  if (isResult(post)) return post;
  const revision = getRevision('post', id, revisionId);
  if (!revision) return NOT_FOUND;
  saveWorkingCopy('post', id, readPostSnapshot(revision.fields), actor, now);
  return { ok: true, postId: id, slug: post.slug, staleTags: [], savedPrivately: true };
}

export type EditorView = {
  post: EditablePost;
  /** What the editor opens: the working copy when there is one, else the post. */
  fields: PostSnapshot;
  workingCopy: { savedAt: Date; savedByName: string | null } | null;
  revisions: { id: number; authorName: string; createdAt: Date; fields: PostSnapshot }[];
};

/** Everything the editor page shows, only for someone who may edit the post (revisions follow the same rule). */
export function editorViewOf(actor: CurrentUser, id: number): EditorView | null {
  const post = editablePost(actor, id);
  if (isResult(post)) return null;
  const copy = getWorkingCopy('post', id);
  return {
    post,
    fields: copy ? readPostSnapshot(copy.fields) : postSnapshotOf(post),
    workingCopy: copy && { savedAt: copy.savedAt, savedByName: copy.savedByName },
    revisions: listRevisions('post', id).map((r) => ({ ...r, fields: readPostSnapshot(r.fields) })),
  };
}
