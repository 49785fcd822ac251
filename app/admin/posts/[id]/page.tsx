import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { NotAllowed } from '@/components/admin/not-allowed';
import { PostDelivery } from '@/components/admin/post-delivery';
import { PostWorkspace } from '@/components/admin/post-workspace';
import { getSiteIdentity } from '@/db/queries/settings';
import { RevisionList } from '@/components/admin/revision-list';
import { WorkingCopyNotice } from '@/components/admin/working-copy-notice';
import { getUpload } from '@/db/queries/uploads';
import { listCategories } from '@/db/queries/taxonomy';
import type { EditablePost } from '@/db/queries/editor-posts';
import { requireRoleOrSignIn } from '@/lib/admin-access';
import { postActions } from '@/lib/actions/post-actions';
import { formatDateTime, type DateStyle } from '@/lib/format';
import { editorViewOf } from '@/lib/editorial/post-changes';
import { comparablePost, editorInputOf, POST_DIFF_LABELS, postSnapshotOf } from '@/lib/editorial/post-fields';
import { diffVersions } from '@/lib/editorial/revision-diff';
import { DISCARDED, RESTORED } from '@/lib/editorial/safe-edit';
import { WRITERS } from '@/lib/roles';

export const metadata: Metadata = { title: 'Edit post' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ note?: string; v?: string }> };

const NOTES: Record<string, string> = {
  published: 'Published. Subscribers are being emailed.',
  updated: 'Updated: readers see the new version now.',
  discarded: DISCARDED,
  restored: RESTORED,
  scheduled: 'Scheduled. It will appear at its time by itself, and subscribers will be emailed then.',
  unpublished: 'Unpublished: it is a draft again, and readers no longer see it.',
};

function describeStatus(post: EditablePost, style: DateStyle): string {
  if (post.status === 'draft') return 'Draft: only authors and admins can see it.';
  if (post.status === 'scheduled') return `Scheduled for ${formatDateTime(post.publishedAt!, style)}.`;
  return `Published on ${formatDateTime(post.publishedAt!, style)}.`;
}

export default async function EditPostPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireRoleOrSignIn(`/admin/posts/${id}`, WRITERS);
  if (!user) return <NotAllowed who="the site’s authors and admins" />;
  const postId = Number.parseInt(id, 10);
  const view = Number.isSafeInteger(postId) && postId > 0 ? await editorViewOf(user, postId) : null;
  if (!view) notFound();
  const { post, fields, workingCopy } = view;
  const { note, v } = await searchParams;
  const cover = fields.coverImageId ? await getUpload(fields.coverImageId) : null;
  const categories = await listCategories();
  const names = new Map(categories.map((c) => [c.id, c.name]));
  const categoryName = (categoryId: number) => names.get(categoryId) ?? 'A deleted category';
  const onSite = comparablePost(postSnapshotOf(post), categoryName);
  const update = post.status === 'scheduled' ? 'Update scheduled post' : 'Update post';
  return (
    <div className="page-wide">
      <h1>Edit “{post.title}”</h1>
      {NOTES[note ?? ''] && (
        <p className="notice" role="status">
          {NOTES[note ?? '']}
        </p>
      )}
      {workingCopy && <WorkingCopyNotice savedAt={workingCopy.savedAt} savedByName={workingCopy.savedByName} update={post.status === 'draft' ? null : update} />}
      <PostWorkspace
        // A fresh load (after Update, Discard or Restore) starts the editor again from what the server says.
        key={v ?? ''}
        actions={postActions}
        post={{ id: post.id, slug: post.slug, status: post.status, statusText: describeStatus(post, await getSiteIdentity()) }}
        hasWorkingCopy={workingCopy !== null}
        categories={categories}
        cover={cover ? { url: `/media/${cover.file}`, width: cover.width, height: cover.height } : null}
        defaults={editorInputOf(fields)}
      />
      {post.status !== 'draft' || view.revisions.length > 0 ? (
        <RevisionList
          revisions={view.revisions.map((r) => ({ id: r.id, authorName: r.authorName, createdAt: r.createdAt, diff: diffVersions(POST_DIFF_LABELS, comparablePost(r.fields, categoryName), onSite) }))}
          restore={postActions.restore}
          owner={{ postId: String(post.id) }}
          update={update}
        />
      ) : null}
      <PostDelivery postId={post.id} />
    </div>
  );
}
