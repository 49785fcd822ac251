import type { Metadata } from 'next';
import Link from 'next/link';
import { NotAllowed } from '@/components/admin/not-allowed';
import { SiteDate } from '@/components/layout/site-date';
import { listPostsForEditor } from '@/db/queries/editor-posts';
import { POST_STATUSES, type PostStatus } from '@/db/schema-values';
import { requireRoleOrSignIn } from '@/lib/admin-access';
import { isAdmin, WRITERS } from '@/lib/roles';
import { adminSearchText } from '@/lib/admin-search';

export const metadata: Metadata = { title: 'Posts' };

const STATUS_LABELS: Record<PostStatus, string> = { draft: 'Draft', scheduled: 'Scheduled', published: 'Published' };
const FILTERS = ['all', ...POST_STATUSES] as const;

type Props = { searchParams: Promise<{ status?: string; q?: string; deleted?: string }> };

export default async function PostsPage({ searchParams }: Props) {
  const user = await requireRoleOrSignIn('/admin/posts', WRITERS);
  if (!user) return <NotAllowed who="the site’s authors and admins" />;
  const params = await searchParams;
  const status = POST_STATUSES.includes(params.status as PostStatus) ? (params.status as PostStatus) : undefined;
  const search = adminSearchText(params.q, 200);
  // Authors see their own posts; admins everyone's.
  const rows = await listPostsForEditor({ status, search, authorId: isAdmin(user.role) ? undefined : user.id });
  const filterHref = (f: (typeof FILTERS)[number]) => `/admin/posts?${new URLSearchParams({ ...(f === 'all' ? {} : { status: f }), ...(search ? { q: search } : {}) })}`;
  return (
    <div className="page-wide">
      <h1>Posts</h1>
      {params.deleted && (
        <p className="notice" role="status">
          The post was deleted.
        </p>
      )}
      <p>
        <Link href="/admin/posts/new" className="button-link">
          Write a new post
        </Link>
      </p>
      <nav aria-label="Filter posts" className="queue-filters">
        <ul>
          {FILTERS.map((f) => (
            <li key={f}>
              <Link href={filterHref(f)} aria-current={(status ?? 'all') === f ? 'page' : undefined}>
                {f === 'all' ? 'All' : STATUS_LABELS[f]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action="/admin/posts" role="search" className="inline-form">
        {status && <input type="hidden" name="status" value={status} />}
        <label htmlFor="post-search">Search titles</label>
        <input id="post-search" name="q" type="search" defaultValue={search} maxLength={200} />
        <button type="submit">Search</button>
      </form>
      {rows.length === 0 ? (
        <p className="empty-state">No posts here yet.</p>
      ) : (
        <div className="table-scroll" role="region" aria-label="Posts" tabIndex={0}>
          <table className="data-table">
            <caption>{rows.length === 1 ? '1 post' : `${rows.length} posts`}</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                <th scope="col">Date</th>
                <th scope="col">Author</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <Link href={`/admin/posts/${row.id}`}>{row.title}</Link>
                  </td>
                  <td>{STATUS_LABELS[row.status]}</td>
                  <td>{row.publishedAt ? <SiteDate iso={row.publishedAt.toISOString()} withTime /> : '—'}</td>
                  <td>{row.authorName ?? 'Unnamed'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
