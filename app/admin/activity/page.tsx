import type { Metadata } from 'next';
import { NotAllowed } from '@/components/admin/not-allowed';
import { SiteDate } from '@/components/layout/site-date';
import { ACTIVITY_PER_PAGE, listActivity } from '@/db/queries/activity';
import { activitySentence } from '@/lib/activity/sentence';
import { requireRoleOrSignIn } from '@/lib/admin-access';
import { ADMINS } from '@/lib/roles';
import { PageBar } from '@/components/ui/pagination';

export const metadata: Metadata = { title: 'Activity' };

type Props = { searchParams: Promise<{ page?: string }> };

export default async function ActivityPage({ searchParams }: Props) {
  const user = await requireRoleOrSignIn('/admin/activity', ADMINS);
  if (!user) return <NotAllowed who="the site’s admins" />;
  const requested = Number.parseInt((await searchParams).page ?? '1', 10);
  const page = Number.isSafeInteger(requested) && requested > 0 ? requested : 1;
  const { entries, total } = await listActivity(page);
  const totalPages = Math.max(1, Math.ceil(total / ACTIVITY_PER_PAGE));
  return (
    <div className="page-wide">
      <h1>Activity</h1>
      <p>Who did what, newest first: editing, publishing, moderation and settings.</p>
      {entries.length === 0 ? (
        <p className="empty-state">Nothing has happened yet.</p>
      ) : (
        <div className="table-scroll" role="region" aria-label="Activity" tabIndex={0}>
          <table className="data-table">
            <caption>Editorial and moderation actions</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What happened</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <SiteDate iso={entry.at.toISOString()} withTime />
                  </td>
                  <td>{activitySentence(entry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PageBar label="Pages of activity" page={page} totalPages={totalPages} hrefFor={(n) => `/admin/activity?page=${n}`} prevText="← Newer" nextText="Older →" />
    </div>
  );
}
