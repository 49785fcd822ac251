// The per-visitor part of a post's comments: who is signed in, their own held comments (all held ones
// for moderators), which comments they may edit. The post page itself stays one cached HTML.
import { NextResponse } from 'next/server';
import { getCommentTarget, getCommenterState, listHeldComments, listOwnComments, listThread } from '@/db/queries/comments';
import { getCommentSettings } from '@/db/queries/settings';
import { canModerate } from '@/lib/roles';
import { getCurrentUser } from '@/lib/session';

const headers = { 'Cache-Control': 'private, no-store' };

export async function GET(_request: Request, { params }: { params: Promise<{ postId: string }> }) {
  const postId = Number((await params).postId);
  const target = Number.isInteger(postId) && postId > 0 ? getCommentTarget(postId) : null;
  if (!target) return NextResponse.json({ error: 'No such post.' }, { status: 404, headers });
  const { supportResources, membersOnly } = getCommentSettings();
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ viewer: null, closed: target.commentsClosed, supportResources }, { headers });
  const moderator = canModerate(user.role);
  return NextResponse.json(
    {
      viewer: {
        name: user.name,
        canModerate: moderator,
        blocked: getCommenterState(user.id)?.blocked ?? false,
        own: listOwnComments(postId, user.id),
        held: listHeldComments(postId, { id: user.id, canModerate: moderator }),
        // Members-only threads are not in the cached page: they come from here.
        thread: membersOnly ? listThread(postId) : null,
      },
      closed: target.commentsClosed,
      supportResources,
    },
    { headers },
  );
}
