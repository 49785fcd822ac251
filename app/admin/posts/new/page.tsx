import type { Metadata } from 'next';
import { NotAllowed } from '@/components/admin/not-allowed';
import { PostWorkspace } from '@/components/admin/post-workspace';
import { listCategories } from '@/db/queries/taxonomy';
import { requireRoleOrSignIn } from '@/lib/admin-access';
import { postActions } from '@/lib/actions/post-actions';
import { WRITERS } from '@/lib/roles';

export const metadata: Metadata = { title: 'New post' };

export default async function NewPostPage() {
  const user = await requireRoleOrSignIn('/admin/posts/new', WRITERS);
  if (!user) return <NotAllowed who="the site’s authors and admins" />;
  return (
    <div className="page-wide">
      <h1>New post</h1>
      <PostWorkspace
        actions={postActions}
        post={null}
        hasWorkingCopy={false}
        categories={await listCategories()}
        cover={null}
        defaults={{ title: '', slug: '', excerpt: '', body: '', categoryId: '', tags: '', commentsClosed: false, contentNote: '', lastReviewedAt: '', coverImageId: '', coverAlt: '' }}
      />
    </div>
  );
}
