'use client';
/**
 * The controls under one comment, shown according to who is reading: reply (by email for someone
 * not signed in, see guest-reply.tsx); edit and delete for
 * its author; report for other members; approve, spam, delete and block for moderators; the earlier
 * versions of an edited comment for moderators and its author.
 */
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { deleteOwnCommentAction, editCommentAction } from '@/lib/actions/comments';
import type { ActionState } from '@/lib/actions/state';
import { CommentForm } from './comment-form';
import { EarlierVersions } from './earlier-versions';
import { GuestReply } from './guest-reply';
import { ModerationButtons } from './moderation-buttons';
import { useComments } from './comments-context';
import { usePostComment } from './post-comment';
import { ReportForm } from './report-form';

type Panel = 'reply' | 'edit' | 'report' | 'confirm-delete' | null;
type Props = { commentId: number; authorName: string | null; held?: boolean; edited?: boolean };

export function CommentActions({ commentId, authorName, held = false, edited = false }: Props) {
  const { loaded, viewer, closed, refresh, announce } = useComments();
  const router = useRouter();
  const postComment = usePostComment();
  const [panel, setPanel] = useState<Panel>(null);
  const [pending, startTransition] = useTransition();
  if (!loaded) return null;
  if (!viewer) return held || closed ? null : <GuestReply commentId={commentId} authorName={authorName} />;

  const own = viewer.own.find((c) => c.id === commentId);
  const toggle = (next: Panel) => setPanel((current) => (current === next ? null : next));
  const settle = (answer: ActionState) => {
    announce(answer.message ?? '', answer.ok);
    if (answer.ok) {
      setPanel(null);
      refresh();
      router.refresh();
    }
  };
  const run = (call: () => Promise<ActionState>) => startTransition(async () => settle(await call()));
  const who = authorName ?? 'this member';

  return (
    <div className="comment-actions">
      <div className="comment-actions__buttons" role="group" aria-label={`Actions for ${who}’s comment`}>
        {!held && !closed && !viewer.blocked && (
          <button type="button" className="button--quiet" aria-expanded={panel === 'reply'} onClick={() => toggle('reply')}>
            Reply
          </button>
        )}
        {own && (
          <>
            <button type="button" className="button--quiet" aria-expanded={panel === 'edit'} onClick={() => toggle('edit')}>
              Edit
            </button>
            <button type="button" className="button--quiet" aria-expanded={panel === 'confirm-delete'} onClick={() => toggle('confirm-delete')}>
              Delete
            </button>
          </>
        )}
        {!own && !held && (
          <button type="button" className="button--quiet" aria-expanded={panel === 'report'} onClick={() => toggle('report')}>
            Report
          </button>
        )}
        {viewer.canModerate && !own && <ModerationButtons commentId={commentId} authorName={authorName} approveLabel={held ? 'Approve' : undefined} canBlock onDone={settle} />}
        {(viewer.canModerate || own) && edited && <EarlierVersions commentId={commentId} />}
      </div>
      {own?.editAwaitsModeration && <p className="notice">Your edit is awaiting moderation. Until a moderator approves it, everyone else sees the text above.</p>}
      {panel === 'reply' && <CommentForm mode="reply" parentId={commentId} action={postComment} onDone={() => setPanel(null)} />}
      {panel === 'edit' && own && <CommentForm mode="edit" commentId={commentId} initialBody={own.body} initialNote={own.contentNote} action={editCommentAction} onDone={() => setPanel(null)} />}
      {panel === 'report' && <ReportForm commentId={commentId} />}
      {panel === 'confirm-delete' && (
        <div className="comment-actions__confirm">
          <p>Delete your comment? This cannot be undone.</p>
          <button type="button" className="button--danger" disabled={pending} onClick={() => run(() => deleteOwnCommentAction(commentId))}>
            Yes, delete it
          </button>{' '}
          <button type="button" className="button--quiet" onClick={() => setPanel(null)}>
            Keep it
          </button>
        </div>
      )}
    </div>
  );
}
