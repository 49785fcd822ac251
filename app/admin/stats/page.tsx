import type { Metadata } from 'next';
import { NotAllowed } from '@/components/admin/not-allowed';
import { StatsCountingForm } from '@/components/admin/stats-counting-form';
import { BarChart } from '@/components/admin/stats/bar-chart';
import { StatsTable } from '@/components/admin/stats/stats-table';
import { isCountingViews } from '@/db/queries/page-views';
import { commentsPerDay, confirmationsPerDay, newsletterSendsPerDay, topPosts, topReferrers, viewsPerDay } from '@/db/queries/stats';
import { setStatsCountingAction } from '@/lib/actions/stats';
import { requireRoleOrSignIn } from '@/lib/admin-access';
import { ADMINS } from '@/lib/roles';
import { getSiteIdentity } from '@/db/queries/settings';
import { statsDay, statsDayBefore } from '@/lib/stats/day';
import { dailyBars, weeklyBars } from '@/lib/stats/series';
import './stats.css';

export const metadata: Metadata = { title: 'Stats' };

const VIEW_DAYS = 30;
const WEEKS = 12;

const total = (bars: { value: number }[]) => bars.reduce((sum, bar) => sum + bar.value, 0);

export default async function StatsPage() {
  const user = await requireRoleOrSignIn('/admin/stats', ADMINS);
  if (!user) return <NotAllowed who="the site’s admins" />;
  const { timeZone } = await getSiteIdentity();
  const now = new Date();
  const today = statsDay(now, timeZone);
  const viewsFrom = statsDayBefore(VIEW_DAYS, now, timeZone);
  const weeksFrom = statsDayBefore(WEEKS * 7, now, timeZone);
  const views = dailyBars(await viewsPerDay(viewsFrom), viewsFrom, today);
  const sends = weeklyBars(await newsletterSendsPerDay(weeksFrom), weeksFrom, today);
  const confirmations = weeklyBars(await confirmationsPerDay(weeksFrom), weeksFrom, today);
  const comments = weeklyBars(await commentsPerDay(weeksFrom), weeksFrom, today);
  const posts = await topPosts(viewsFrom);
  const referrers = await topReferrers(viewsFrom);
  return (
    <div className="page-wide">
      <h1>Stats</h1>
      <p>
        What readers read, counted privately: a view is a number added to a day and a page, never a record of who. Views count by the site’s calendar day (its time zone); newsletter, confirmation and
        comment weeks by UTC days. Views cover the last {VIEW_DAYS} days, the rest the last {WEEKS} weeks.
      </p>
      <StatsCountingForm action={setStatsCountingAction} counting={await isCountingViews()} />
      <ul className="stats-totals" aria-label="Totals">
        <li>
          <strong>{total(views)}</strong> page views, {VIEW_DAYS} days
        </li>
        <li>
          <strong>{total(sends)}</strong> newsletter emails sent, {WEEKS} weeks
        </li>
        <li>
          <strong>{total(confirmations)}</strong> subscriptions confirmed, {WEEKS} weeks
        </li>
        <li>
          <strong>{total(comments)}</strong> comments, {WEEKS} weeks
        </li>
      </ul>
      <BarChart id="views" title="Page views per day" unit="page views" labelHeader="Day" bars={views} />
      <StatsTable
        title="Top posts"
        empty="No post has been viewed yet."
        headers={['Post', 'Views']}
        rows={posts.map((post) => ({ key: String(post.postId), cells: [{ text: post.title, href: `/posts/${post.slug}` }, { text: String(post.views) }] }))}
      />
      <StatsTable
        title="Where readers came from"
        hint="Other sites that linked readers here, by name only. Readers who came straight, from a search app that hides itself or from this site are not listed."
        empty="No reader has come from another site yet."
        headers={['Site', 'Views']}
        rows={referrers.map((referrer) => ({ key: referrer.host, cells: [{ text: referrer.host === 'other' ? 'Other sites' : referrer.host }, { text: String(referrer.views) }] }))}
      />
      <BarChart id="sends" title="Newsletter emails sent per week" unit="emails sent" labelHeader="Week starting" bars={sends} />
      <BarChart id="confirmations" title="Subscriptions confirmed per week" unit="confirmations" labelHeader="Week starting" bars={confirmations} />
      <BarChart id="comments" title="Comments per week" unit="comments" labelHeader="Week starting" bars={comments} />
    </div>
  );
}
