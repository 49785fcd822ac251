import type { Metadata } from 'next';
import { NotAllowed } from '@/components/admin/not-allowed';
import { RedirectForm } from '@/components/admin/redirect-form';
import { SiteDate } from '@/components/layout/site-date';
import { OneButtonForm } from '@/components/ui/one-button-form';
import { PageBar } from '@/components/ui/pagination';
import { listRedirects } from '@/db/queries/redirects';
import { removeRedirectAction, saveRedirectAction } from '@/lib/actions/redirects';
import { requireRoleOrSignIn } from '@/lib/admin-access';
import { adminSearchText } from '@/lib/admin-search';
import { parsePageNumber } from '@/lib/pagination';
import { ADMINS } from '@/lib/roles';
import '../site-shape.css';
import './redirects.css';

export const metadata: Metadata = { title: 'Redirects' };

const PER_PAGE = 50;
const ORIGIN_LABELS = { wordpress: 'from the WordPress import', admin: 'added by an admin' } as const;

type Props = { searchParams: Promise<{ q?: string; page?: string }> };

/** Moved addresses with their use; paged and searched in the database, so an import's thousands stay usable. */
export default async function AdminRedirectsPage({ searchParams }: Props) {
  const user = await requireRoleOrSignIn('/admin/redirects', ADMINS);
  if (!user) return <NotAllowed who="the site’s admins" />;
  const params = await searchParams;
  const search = adminSearchText(params.q, 200);
  const page = parsePageNumber(params.page) ?? 1;
  const { rows, total } = await listRedirects({ search, page, perPage: PER_PAGE });
  const totalPages = Math.max(1, Math.ceil(total / PER_PAGE));
  const href = (n: number) => `/admin/redirects?${new URLSearchParams({ ...(search && { q: search }), page: String(n) })}`;
  return (
    <div className="page-wide">
      <h1>Redirects</h1>
      <p>Old addresses that moved: a visitor who follows one is sent to its new address. Imports add one for every old WordPress address.</p>

      <section aria-labelledby="add-redirect-heading">
        <h2 id="add-redirect-heading">Add a redirect</h2>
        <RedirectForm action={saveRedirectAction} current={{ id: '', fromPath: '', toPath: '' }} submitLabel="Add redirect" />
      </section>

      <section aria-labelledby="list-heading">
        <h2 id="list-heading">All redirects</h2>
        <form method="get" action="/admin/redirects" role="search" className="inline-form">
          <label htmlFor="redirect-search">Old or new address contains</label>
          <input id="redirect-search" name="q" type="search" defaultValue={search} maxLength={200} />
          <button type="submit">Search</button>
        </form>
        {rows.length === 0 ? (
          <p className="empty-state">{search ? `No redirect’s address contains “${search}”.` : 'No redirects yet.'}</p>
        ) : (
          <ul className="shape-list" aria-label={`${total} ${total === 1 ? 'redirect' : 'redirects'}${search ? ` matching “${search}”` : ''}, most used first`}>
            {rows.map((row) => (
              <li key={row.id} className="shape-card redirect-card">
                <h3>{row.fromPath}</h3>
                <p className="shape-card__meta">
                  → {row.toPath} · {row.hits} {row.hits === 1 ? 'visit' : 'visits'}
                  {row.lastHitAt && (
                    <>
                      , last <SiteDate iso={row.lastHitAt.toISOString()} />
                    </>
                  )}{' '}
                  · {ORIGIN_LABELS[row.origin]}
                </p>
                <details>
                  <summary>Edit the redirect from “{row.fromPath}”</summary>
                  <RedirectForm action={saveRedirectAction} current={{ id: String(row.id), fromPath: row.fromPath, toPath: row.toPath }} submitLabel="Save" />
                </details>
                <details>
                  <summary>Remove the redirect from “{row.fromPath}”…</summary>
                  <p>Visitors following the old address will find nothing there.</p>
                  <OneButtonForm action={removeRedirectAction} fields={{ id: String(row.id) }} label={`Remove the redirect from “${row.fromPath}”`} pendingLabel="Removing…" danger />
                </details>
              </li>
            ))}
          </ul>
        )}
        <PageBar label="Pages of redirects" page={page} totalPages={totalPages} hrefFor={href} />
      </section>
    </div>
  );
}
