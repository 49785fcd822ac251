import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { NotAllowed } from '@/components/admin/not-allowed';
import { PostBody } from '@/components/posts/post-body';
import { getPostForPreview } from '@/db/queries/posts';
import { requireRoleOrSignIn } from '@/lib/admin-access';
import { postForEditing } from '@/lib/editorial/posts';
import { WRITERS } from '@/lib/roles';

export const metadata: Metadata = { title: 'Preview' };

type Props = { params: Promise<{ id: string }> };

// The saved post exactly as readers will see it, whatever its status; only its author and admins may look.
export default async function PreviewPostPage({ params }: Props) {
  const { id } = await params;
  const user = await requireRoleOrSignIn(`/admin/posts/${id}/preview`, WRITERS);
  if (!user) return <NotAllowed who="the site’s authors and admins" />;
  const postId = Number.parseInt(id, 10);
  const allowed = Number.isSafeInteger(postId) && postId > 0 ? await postForEditing(user, postId) : null;
  const post = allowed && (await getPostForPreview(postId));
  if (!post) notFound();
  return (
    <>
      <p className="notice page-narrow" role="status">
        Preview: readers cannot see this page. <Link href={`/admin/posts/${postId}`}>Back to the editor</Link>
      </p>
      <article className="post" aria-labelledby="post-title">
        <PostBody post={post} />
      </article>
    </>
  );
}
