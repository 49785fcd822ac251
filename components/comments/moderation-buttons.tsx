'use client';
/** A moderator's decisions on one comment, used in the thread and in the queue at /admin/comments. */
import { useTransition } from 'react';
import { moderateCommentAction, type ModerationDecision } from '@/lib/actions/moderation';
import type { ActionState } from '@/lib/actions/state';

type Props = {
  commentId: number;
  authorName: string | null;
  /** Held or spam comments can be approved; "approve" on a reported one keeps it and closes the reports. */
  approveLabel?: string;
  canBlock: boolean;
  onDone: (answer: ActionState) => void;
};

export function ModerationButtons({ commentId, authorName, approveLabel, canBlock, onDone }: Props) {
  const [pending, startTransition] = useTransition();
  const decide = (decision: ModerationDecision) => startTransition(async () => onDone(await moderateCommentAction(commentId, decision)));
  return (
    <>
      {approveLabel && (
        <button type="button" className="button--quiet" disabled={pending} onClick={() => decide('approve')}>
          {approveLabel}
        </button>
      )}
      <button type="button" className="button--quiet" disabled={pending} onClick={() => decide('spam')}>
        Mark as spam
      </button>
      <button type="button" className="button--quiet" disabled={pending} onClick={() => decide('delete')}>
        Remove
      </button>
      {canBlock && (
        <button type="button" className="button--quiet" disabled={pending} onClick={() => decide('block')}>
          Block {authorName ?? 'this member'} from commenting
        </button>
      )}
    </>
  );
}
