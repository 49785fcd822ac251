'use client';
/** A moderator's decisions on one comment (and on an edit of it held for moderation), used in the thread and in the queue at /admin/comments. */
import { useTransition } from 'react';
import { moderateCommentAction, type ModerationDecision } from '@/lib/actions/moderation';
import type { ActionState } from '@/lib/actions/state';
import { useHydrated } from '@/components/ui/use-hydrated';

type Props = {
  commentId: number;
  authorName: string | null;
  /** Held or spam comments can be approved; "approve" on a reported one keeps it and closes the reports. */
  approveLabel?: string;
  canBlock: boolean;
  /** The comment has an edit held for moderation: approve or reject that edit. */
  heldEdit?: boolean;
  onDone: (answer: ActionState) => void;
};

export function ModerationButtons({ commentId, authorName, approveLabel, canBlock, heldEdit = false, onDone }: Props) {
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  const busy = pending || !hydrated;
  const decide = (decision: ModerationDecision) => startTransition(async () => onDone(await moderateCommentAction(commentId, decision)));
  return (
    <>
      {heldEdit && (
        <>
          <button type="button" className="button--quiet" disabled={busy} onClick={() => decide('approve-edit')}>
            Approve the edit
          </button>
          <button type="button" className="button--quiet" disabled={busy} onClick={() => decide('reject-edit')}>
            Reject the edit
          </button>
        </>
      )}
      {approveLabel && (
        <button type="button" className="button--quiet" disabled={busy} onClick={() => decide('approve')}>
          {approveLabel}
        </button>
      )}
      <button type="button" className="button--quiet" disabled={busy} onClick={() => decide('spam')}>
        Mark as spam
      </button>
      <button type="button" className="button--quiet" disabled={busy} onClick={() => decide('delete')}>
        Remove
      </button>
      {canBlock && (
        <button type="button" className="button--quiet" disabled={busy} onClick={() => decide('block')}>
          Block {authorName ?? 'this member'} from commenting
        </button>
      )}
    </>
  );
}
