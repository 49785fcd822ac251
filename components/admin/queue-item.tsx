'use client';
/** One comment in the moderation queue: its reports with the reporters' notes, the decisions a moderator can take, and editing its text. */
import { useRouter } from 'next/navigation';
import { useCallback, useState } from 'react';
import { CommentCard } from '@/components/comments/comment-card';
import { ModerationButtons } from '@/components/comments/moderation-buttons';
import { moderatorEditCommentAction } from '@/lib/actions/moderation';
import type { QueueItem as Item } from '@/db/queries/moderation-queue';
import type { ActionState } from '@/lib/actions/state';
import { commentPermalink } from '@/lib/comments/thread-pages';
import { REPORT_REASON_LABELS } from '@/lib/validations/comment-limits';
import { ModeratorEditForm } from './moderator-edit-form';
import { useAnnounceDecision } from './queue-decisions';

const STATUS_LABEL = { pending: 'Awaiting moderation', spam: 'Spam', approved: undefined, deleted: undefined } as const;
const HOLD_REASON = { 'blocked-word': 'it contains a blocked word', links: 'it has more links than allowed', 'first-comment': 'it changes the member’s only approved comment' } as const;

export function QueueItem({ item }: { item: Item }) {
  const router = useRouter();
  const announce = useAnnounceDecision();
  const [failure, setFailure] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  // A refusal stays beside the comment it is about; a decision is announced above the list, which the item may leave.
  const settle = useCallback(
    (result: ActionState) => {
      if (!result.ok) return setFailure(result.message ?? null);
      setFailure(null);
      setEditing(false);
      announce(result.message ?? '');
      router.refresh();
    },
    [announce, router],
  );
  const reports = item.reports.length;
  const who = item.author?.name ?? 'a deleted member';
  // A public comment may be on an earlier page of a long thread; held ones show on the post page for moderators.
  const href = item.status === 'approved' ? commentPermalink(item.id) : `/posts/${item.postSlug}#comment-${item.id}`;
  const approveLabel = item.status !== 'approved' ? 'Approve' : reports > 0 ? 'Keep it (close reports)' : undefined;
  return (
    <li className="queue-item">
      <p className="queue-item__post">
        On <a href={href}>{item.postTitle}</a>
        {reports > 0 && (
          <span className="badge badge--held">
            {reports} report{reports === 1 ? '' : 's'}
          </span>
        )}
      </p>
      {reports > 0 && (
        <ul className="queue-item__reports" aria-label={`Reports on ${who}’s comment`}>
          {item.reports.map((report, i) => (
            <li key={i}>
              {REPORT_REASON_LABELS[report.reason]}
              {report.note ? <>: “{report.note}”</> : ' (no note)'}
            </li>
          ))}
        </ul>
      )}
      <CommentCard
        comment={item}
        statusLabel={item.pendingEdit ? 'Public now; an edit awaits moderation' : STATUS_LABEL[item.status]}
        actions={
          <>
            {item.pendingEdit && (
              <section className="notice" aria-label={`Proposed edit of ${item.author?.name ?? 'a member'}’s comment`}>
                <p>
                  Proposed edit, held because {HOLD_REASON[item.pendingEdit.reason]}
                  {item.pendingEdit.contentNote ? ` (content note: ${item.pendingEdit.contentNote})` : ''}:
                </p>
                <div className="comment__body" dangerouslySetInnerHTML={{ __html: item.pendingEdit.html }} />
              </section>
            )}
            <div className="comment-actions__buttons" role="group" aria-label={`Decisions on ${item.author?.name ?? 'this'} comment`}>
              <ModerationButtons
                commentId={item.id}
                authorName={item.author?.name ?? null}
                approveLabel={approveLabel}
                canBlock={item.author !== null && !item.author.isGuest}
                heldEdit={item.pendingEdit !== null}
                onDone={settle}
              />
              <button type="button" className="button--quiet" aria-expanded={editing} onClick={() => setEditing((open) => !open)}>
                Edit text
              </button>
            </div>
            {editing && <ModeratorEditForm action={moderatorEditCommentAction} commentId={item.id} body={item.body} contentNote={item.contentNote} authorName={who} onDone={settle} />}
          </>
        }
      />
      <p aria-live="polite" className="form-status form-status--error">
        {failure}
      </p>
    </li>
  );
}
