import type { Metadata } from 'next';
import Link from 'next/link';
import { NotAllowed } from '@/components/admin/not-allowed';
import { countOpenReports } from '@/db/queries/comment-reports';
import { countPostsByStatus } from '@/db/queries/editor-posts';
import { countModerationQueue } from '@/db/queries/moderation-queue';
import { countOutbox } from '@/db/queries/outbox';
import { countSubscribers } from '@/db/queries/subscriber-admin';
import { requireRoleOrSignIn } from '@/lib/admin-access';
import { canModerate, canWritePosts, isAdmin, STAFF } from '@/lib/roles';

export const metadata: Metadata = { title: 'Dashboard' };

type Stat = { label: string; value: number; href: string };

export default async function DashboardPage() {
  const user = await requireRoleOrSignIn('/admin', STAFF);
  if (!user) return <NotAllowed who="the site’s authors, moderators and admins" />;
  const stats: Stat[] = [];
  if (canWritePosts(user.role)) {
    const posts = await countPostsByStatus();
    stats.push(
      { label: 'Posts published', value: posts.published, href: '/admin/posts?status=published' },
      { label: 'Scheduled', value: posts.scheduled, href: '/admin/posts?status=scheduled' },
      { label: 'Drafts', value: posts.draft, href: '/admin/posts?status=draft' },
    );
  }
  if (canModerate(user.role)) {
    stats.push(
      { label: 'Comments awaiting moderation', value: (await countModerationQueue()).pending, href: '/admin/comments' },
      { label: 'Open reports', value: await countOpenReports(), href: '/admin/comments?show=reported' },
    );
  }
  if (isAdmin(user.role)) {
    const mail = await countOutbox();
    stats.push(
      { label: 'Subscribers', value: (await countSubscribers()).confirmed, href: '/admin/subscribers' },
      { label: 'Emails queued', value: mail.queued + mail.sending, href: '/admin/subscribers#outbox-heading' },
      { label: 'Emails failed', value: mail.failed, href: '/admin/subscribers#outbox-heading' },
    );
  }
  return (
    <div className="page-wide">
      <h1>Dashboard</h1>
      <ul className="stat-list" aria-label="At a glance">
        {stats.map((stat) => (
          <li key={stat.label}>
            <Link href={stat.href}>
              <span className="stat-list__label">{stat.label}</span>
              <span className="stat-list__value">{stat.value}</span>
            </Link>
          </li>
        ))}
      </ul>
      {canWritePosts(user.role) && (
        <p>
          <Link href="/admin/posts/new" className="button-link">
            Write a new post
          </Link>
        </p>
      )}
    </div>
  );
}
