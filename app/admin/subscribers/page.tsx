import type { Metadata } from 'next';
import Link from 'next/link';
import { NotAllowed } from '@/components/admin/not-allowed';
import { OneButtonForm } from '@/components/ui/one-button-form';
import { countOutbox, listMailProblems } from '@/db/queries/outbox';
import { countSubscribers, searchSubscribers, SUBSCRIBERS_PER_PAGE } from '@/db/queries/subscriber-admin';
import { retryMailAction } from '@/lib/actions/mail-admin';
import { SiteDate } from '@/components/layout/site-date';
import { ADMINS } from '@/lib/roles';
import { requireRoleOrSignIn } from '@/lib/admin-access';
import { FREQUENCY_LABELS } from '@/lib/subscriptions/choices';
import { PageBar } from '@/components/ui/pagination';
import { adminSearchText } from '@/lib/admin-search';

export const metadata: Metadata = { title: 'Subscribers' };

type Props = { searchParams: Promise<{ q?: string; page?: string }> };

const STATUS_LABELS = { pending: 'Awaiting confirmation', confirmed: 'Confirmed', unsubscribed: 'Unsubscribed', undeliverable: 'Undeliverable' } as const;

export default async function SubscribersPage({ searchParams }: Props) {
  const user = await requireRoleOrSignIn('/admin/subscribers', ADMINS);
  if (!user) return <NotAllowed who="the site’s admins (subscribers’ addresses are private)" />;
  const params = await searchParams;
  const search = adminSearchText(params.q, 254);
  const requestedPage = Number.parseInt(params.page ?? '1', 10);
  const page = Number.isSafeInteger(requestedPage) && requestedPage > 0 ? requestedPage : 1;
  const counts = await countSubscribers();
  const mail = await countOutbox();
  const problems = await listMailProblems();
  const { rows, total } = await searchSubscribers(search, page);
  const totalPages = Math.max(1, Math.ceil(total / SUBSCRIBERS_PER_PAGE));
  const pageHref = (n: number) => `/admin/subscribers?${new URLSearchParams({ ...(search ? { q: search } : {}), page: String(n) })}`;

  return (
    <div className="page-wide admin-page">
      <h1>Subscribers</h1>
      <p>
        <Link href="/admin/subscribers/import">Import subscribers from your old site (CSV)</Link>
      </p>
      <dl className="stat-list" aria-label="Subscribers by status">
        {(Object.keys(STATUS_LABELS) as (keyof typeof STATUS_LABELS)[]).map((status) => (
          <div key={status}>
            <dt>{STATUS_LABELS[status]}</dt>
            <dd>{counts[status]}</dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby="outbox-heading">
        <h2 id="outbox-heading">Outgoing email</h2>
        <dl className="stat-list" aria-label="Outgoing email">
          <div>
            <dt>Queued</dt>
            <dd>{mail.queued}</dd>
          </div>
          <div>
            <dt>Sending</dt>
            <dd>{mail.sending}</dd>
          </div>
          <div>
            <dt>Failed</dt>
            <dd>{mail.failed}</dd>
          </div>
          <div>
            <dt>Sent today</dt>
            <dd>{mail.sentToday}</dd>
          </div>
        </dl>
        {problems.length > 0 ? (
          <>
            <div className="table-scroll" role="region" aria-label="Delivery problems" tabIndex={0}>
              <table className="data-table">
                <caption>Messages with delivery problems (newest first)</caption>
                <thead>
                  <tr>
                    <th scope="col">To</th>
                    <th scope="col">What</th>
                    <th scope="col">State</th>
                    <th scope="col">Tries</th>
                    <th scope="col">Last error</th>
                  </tr>
                </thead>
                <tbody>
                  {problems.map((p) => (
                    <tr key={p.id}>
                      <td>{p.to}</td>
                      <td>{p.subject}</td>
                      <td>
                        {p.status === 'failed' ? (
                          'Failed'
                        ) : (
                          <>
                            Retrying at <SiteDate iso={p.nextAttemptAt.toISOString()} withTime />
                          </>
                        )}
                      </td>
                      <td>{p.attempts}</td>
                      <td>{p.lastError}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <OneButtonForm action={retryMailAction} label="Retry now" pendingLabel="Retrying…" />
          </>
        ) : (
          <p>No delivery problems.</p>
        )}
      </section>

      <section aria-labelledby="list-heading">
        <h2 id="list-heading">Everyone on the list</h2>
        <form method="get" action="/admin/subscribers" role="search" className="inline-form">
          <label htmlFor="subscriber-search">Search by address</label>
          <input id="subscriber-search" name="q" type="search" defaultValue={search} maxLength={254} />
          <button type="submit">Search</button>
        </form>
        <p>
          <a href="/admin/subscribers/export" download>
            Download all as CSV
          </a>
        </p>
        {rows.length === 0 ? (
          <p className="empty-state">{search ? `No address contains “${search}”.` : 'Nobody has subscribed yet.'}</p>
        ) : (
          <div className="table-scroll" role="region" aria-label="Subscribers" tabIndex={0}>
            <table className="data-table">
              <caption>
                {total} {total === 1 ? 'subscriber' : 'subscribers'}
                {search ? ` matching “${search}”` : ''}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Address</th>
                  <th scope="col">Status</th>
                  <th scope="col">Gets</th>
                  <th scope="col">Topics</th>
                  <th scope="col">Since</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id}>
                    <td>{row.email}</td>
                    <td>{STATUS_LABELS[row.status]}</td>
                    <td>{FREQUENCY_LABELS[row.frequency]}</td>
                    <td>{row.topics}</td>
                    <td>
                      <SiteDate iso={row.createdAt.toISOString()} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <PageBar label="Pages of subscribers" page={page} totalPages={totalPages} hrefFor={pageHref} />
      </section>
    </div>
  );
}
