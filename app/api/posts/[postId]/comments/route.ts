// A post's comments for one visitor. GET: who is signed in, their own held comments (all held ones
// for moderators), which comments they may edit; the post page itself stays one cached HTML.
// POST: a new comment as JSON, answered with JSON (cheaper than a server action, which would
// render the whole page again in its response).
import { revalidateTag } from 'next/cache';
import { NextResponse } from 'next/server';
import { listHeldComments, listOwnComments, listThread } from '@/db/queries/comment-thread';
import { getCommenterState, getCommentTarget } from '@/db/queries/comment-writing';
import { getCommentSettings } from '@/db/queries/settings';
import { invalid, orUnexpected, SIGNED_OUT, UNEXPECTED } from '@/lib/actions/state';
import { TAGS } from '@/lib/cache';
import { submitComment } from '@/lib/comments/submit';
import { readJsonBody } from '@/lib/http/json-body';
import { canModerate } from '@/lib/roles';
import { getCurrentUser, requireUser } from '@/lib/session';
import { commentSchema } from '@/lib/validations/comment';

const headers = { 'Cache-Control': 'private, no-store' };

export async function GET(_request: Request, { params }: { params: Promise<{ postId: string }> }) {
  const postId = Number((await params).postId);
  const target = Number.isInteger(postId) && postId > 0 ? await getCommentTarget(postId) : null;
  if (!target) return NextResponse.json({ error: 'No such post.' }, { status: 404, headers });
  const { supportResources, membersOnly } = await getCommentSettings();
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ viewer: null, closed: target.commentsClosed, supportResources }, { headers });
  const moderator = canModerate(user.role);
  return NextResponse.json(
    {
      viewer: {
        id: user.id,
        name: user.name,
        canModerate: moderator,
        blocked: (await getCommenterState(user.id))?.blocked ?? false,
        own: await listOwnComments(postId, user.id),
        held: await listHeldComments(postId, { id: user.id, canModerate: moderator }),
        // Members-only threads are not in the cached page: they come from here.
        thread: membersOnly ? await listThread(postId) : null,
      },
      closed: target.commentsClosed,
      supportResources,
    },
    { headers },
  );
}

const FRESH_AT_ONCE = { expire: 0 };

export async function POST(request: Request, { params }: { params: Promise<{ postId: string }> }) {
  const { user } = await requireUser();
  if (!user) return NextResponse.json({ ...SIGNED_OUT, message: 'Your session has ended. Sign in again and your comment will still be here.' }, { status: 401, headers });
  const body = await readJsonBody(request);
  if (!body.ok) return NextResponse.json({ ok: false, message: body.message }, { status: body.status, headers });
  const parsed = commentSchema.safeParse({ ...body.value, postId: (await params).postId });
  if (!parsed.success) return NextResponse.json(invalid(parsed.error), { status: 400, headers });
  const outcome = await orUnexpected('comment', () => submitComment(user.id, parsed.data));
  if (outcome === UNEXPECTED) return NextResponse.json(UNEXPECTED, { status: 503, headers });
  if (!outcome.ok) return NextResponse.json(outcome, { status: 422, headers });
  if (outcome.status === 'pending') {
    const message = 'Thank you! Your comment is awaiting moderation. Only you and the moderators can see it until it is approved.';
    return NextResponse.json({ ok: true, message, id: outcome.commentId, status: outcome.status }, { status: 201, headers });
  }
  revalidateTag(TAGS.post(outcome.postSlug), FRESH_AT_ONCE);
  revalidateTag(TAGS.comments, FRESH_AT_ONCE);
  return NextResponse.json({ ok: true, message: 'Your comment is published.', id: outcome.commentId, status: outcome.status }, { status: 201, headers });
}
