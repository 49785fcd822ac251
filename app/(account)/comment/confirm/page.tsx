import type { Metadata } from 'next';
import { OneButtonForm } from '@/components/ui/one-button-form';
import { confirmWaitingCommentAction, renewWaitingCommentAction } from '@/lib/actions/waiting-comments';
import { waitingLinkState } from '@/lib/comments/waiting';

export const metadata: Metadata = { title: 'Confirm your comment' };

type Props = { searchParams: Promise<{ token?: string }> };

// A comment's emailed link lands here. Mail scanners open links but do not press buttons, so nothing is
// posted and nobody is signed in until the person presses "Confirm and post" (on any device).
export default async function ConfirmCommentPage({ searchParams }: Props) {
  const { token = '' } = await searchParams;
  const link = token.length <= 200 ? await waitingLinkState(token) : ({ state: 'unknown' } as const);
  if (link.state === 'unknown') {
    return (
      <div className="page-narrow auth-page">
        <h1>This link was already used</h1>
        <p>A comment’s link works once, and a newer comment on the same post replaces the earlier link. If you confirmed it, your comment is on the post.</p>
      </div>
    );
  }
  if (link.state === 'expired') {
    return (
      <div className="page-narrow auth-page">
        <h1>This link has expired</h1>
        <p>Your comment on “{link.postTitle}” is still waiting, unpublished. Ask for a new link and confirm it within 15 minutes.</p>
        <OneButtonForm action={renewWaitingCommentAction} token={token} label="Email me a new link" pendingLabel="Sending…" />
      </div>
    );
  }
  return (
    <div className="page-narrow auth-page">
      <h1>
        Post your {link.reply ? 'reply' : 'comment'} on “{link.postTitle}”?
      </h1>
      <p>This confirms your email address and signs you in on this device. If you already have an account, the comment appears under your display name.</p>
      {link.lostParent && (
        <p className="notice">The comment you replied to has been removed since you wrote your reply. If you confirm, your reply is posted under the thread as a comment of its own.</p>
      )}
      <OneButtonForm
        action={confirmWaitingCommentAction}
        token={token}
        fields={link.lostParent ? { underThread: '1' } : undefined}
        label={link.lostParent ? 'Confirm and post under the thread' : 'Confirm and post'}
        pendingLabel="Posting…"
      />
      <p>Didn’t write a comment? Close this page: nothing happens until the button is pressed.</p>
    </div>
  );
}
