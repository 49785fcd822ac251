import type { Metadata } from 'next';
import Link from 'next/link';
import { NotAllowed } from '@/components/admin/not-allowed';
import { QueueDecisions } from '@/components/admin/queue-decisions';
import { QueueItem } from '@/components/admin/queue-item';
import { countModerationQueue, listModerationQueue, QUEUE_FILTERS, type QueueFilter } from '@/db/queries/moderation-queue';
import { MODERATORS } from '@/lib/roles';
import { requireRoleOrSignIn } from '@/lib/admin-access';

export const metadata: Metadata = { title: 'Comments to moderate' };

const LABELS: Record<QueueFilter, string> = { pending: 'Awaiting moderation', reported: 'Reported', spam: 'Spam', all: 'All' };

type Props = { searchParams: Promise<{ show?: string }> };

export default async function ModerationQueuePage({ searchParams }: Props) {
  const user = await requireRoleOrSignIn('/admin/comments', MODERATORS);
  if (!user) return <NotAllowed who="the site’s moderators" />;
  const requested = (await searchParams).show;
  const filter: QueueFilter = QUEUE_FILTERS.includes(requested as QueueFilter) ? (requested as QueueFilter) : 'pending';
  const [counts, items] = [await countModerationQueue(), await listModerationQueue(filter)];
  return (
    <div className="page-narrow admin-queue">
      <h1>Comments to moderate</h1>
      <nav aria-label="Filter comments" className="queue-filters">
        <ul>
          {QUEUE_FILTERS.map((f) => (
            <li key={f}>
              <Link href={`/admin/comments?show=${f}`} aria-current={f === filter ? 'page' : undefined}>
                {LABELS[f]} ({counts[f]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{LABELS[filter]}</h2>
      <QueueDecisions>
        {items.length === 0 ? (
          <p className="empty-state">Nothing here. Thank you for keeping the conversation kind.</p>
        ) : (
          <ol className="comment-thread">
            {items.map((item) => (
              <QueueItem key={item.id} item={item} />
            ))}
          </ol>
        )}
      </QueueDecisions>
    </div>
  );
}
