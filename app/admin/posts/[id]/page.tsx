import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { NotAllowed } from '@/components/admin/not-allowed';
import { PostDelivery } from '@/components/admin/post-delivery';
import { PostWorkspace } from '@/components/admin/post-workspace';
import { getSiteIdentity } from '@/db/queries/settings';
import { getUpload } from '@/db/queries/uploads';
import { listCategories } from '@/db/queries/taxonomy';
import type { EditablePost } from '@/db/queries/editor-posts';
import { signedInOrRedirect } from '@/lib/admin-access';
import { postActions } from '@/lib/actions/post-actions';
import { postForEditing } from '@/lib/editorial/posts';
import { formatDateTime, type DateStyle } from '@/lib/format';
import { canWritePosts } from '@/lib/roles';

export const metadata: Metadata = { title: 'Edit post' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ note?: string }> };

const NOTES: Record<string, string> = {
  published: 'Published. Subscribers are being emailed.',
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
  const user = await signedInOrRedirect(`/admin/posts/${id}`);
  if (!canWritePosts(user.role)) return <NotAllowed who="the site’s authors and admins" />;
  const postId = Number.parseInt(id, 10);
  const post = Number.isSafeInteger(postId) && postId > 0 ? postForEditing(user, postId) : null;
  if (!post) notFound();
  const note = NOTES[(await searchParams).note ?? ''];
  const cover = post.coverImageId ? getUpload(post.coverImageId) : null;
  return (
    <div className="page-wide">
      <h1>Edit “{post.title}”</h1>
      {note && (
        <p className="notice" role="status">
          {note}
        </p>
      )}
      <PostWorkspace
        actions={postActions}
        post={{ id: post.id, slug: post.slug, status: post.status, statusText: describeStatus(post, getSiteIdentity()) }}
        categories={listCategories()}
        cover={cover ? { url: `/media/${cover.file}`, width: cover.width, height: cover.height } : null}
        defaults={{
          title: post.title,
          slug: post.slug,
          excerpt: post.excerpt,
          body: post.body,
          categoryId: post.categoryId === null ? '' : String(post.categoryId),
          tags: post.tagNames.join(', '),
          commentsClosed: post.commentsClosed,
          contentNote: post.contentNote ?? '',
          lastReviewedAt: post.lastReviewedAt ? post.lastReviewedAt.toISOString().slice(0, 10) : '',
          coverImageId: post.coverImageId === null ? '' : String(post.coverImageId),
          coverAlt: post.coverAlt ?? '',
        }}
      />
      <PostDelivery postId={post.id} />
    </div>
  );
}
