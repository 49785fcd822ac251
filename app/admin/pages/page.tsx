import type { Metadata } from 'next';
import Link from 'next/link';
import { NotAllowed } from '@/components/admin/not-allowed';
import { listPagesForAdmin } from '@/db/queries/pages';
import { SiteDate } from '@/components/layout/site-date';
import { ADMINS } from '@/lib/roles';
import { requireRoleOrSignIn } from '@/lib/admin-access';

export const metadata: Metadata = { title: 'Pages' };

type Props = { searchParams: Promise<{ deleted?: string }> };

export default async function AdminPagesPage({ searchParams }: Props) {
  const user = await requireRoleOrSignIn('/admin/pages', ADMINS);
  if (!user) return <NotAllowed who="the site’s admins" />;
  const deleted = (await searchParams).deleted?.slice(0, 200);
  const pages = await listPagesForAdmin();
  return (
    <div className="page-wide">
      <h1>Pages</h1>
      {deleted && (
        <p className="notice" role="status">
          “{deleted}” was deleted.
        </p>
      )}
      <p>Pages that stay put, like About or Privacy. A new page is a draft until it is published; published pages with a menu position appear in the site’s menu.</p>
      <p>
        <Link href="/admin/pages/new" className="button-link">
          New page
        </Link>
      </p>
      {pages.length === 0 ? (
        <p className="empty-state">No pages yet.</p>
      ) : (
        <div className="table-scroll" role="region" aria-label="Pages" tabIndex={0}>
          <table className="data-table">
            <caption>{pages.length === 1 ? '1 page' : `${pages.length} pages`}</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Address</th>
                <th scope="col">State</th>
                <th scope="col">In the footer</th>
                <th scope="col">Last saved</th>
              </tr>
            </thead>
            <tbody>
              {pages.map((page) => (
                <tr key={page.id}>
                  <td>
                    <Link href={`/admin/pages/${page.id}`}>{page.title}</Link>
                  </td>
                  <td>{page.status === 'published' ? <Link href={`/${page.slug}`}>/{page.slug}</Link> : `/${page.slug}`}</td>
                  <td>{page.status === 'published' ? 'Published' : 'Draft'}</td>
                  <td>{page.navOrder === null ? 'No' : `Position ${page.navOrder}`}</td>
                  <td>{page.updatedAt ? <SiteDate iso={page.updatedAt.toISOString()} /> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
