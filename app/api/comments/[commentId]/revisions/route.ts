// Earlier versions of an edited comment: for moderators, and for the comment's own author (their comment's history).
import { NextResponse } from 'next/server';
import { getCommentAuthorId, listRevisions } from '@/db/queries/comment-revisions';
import { canModerate } from '@/lib/roles';
import { requireUser } from '@/lib/session';

const headers = { 'Cache-Control': 'private, no-store' };
const REFUSED = { error: 'Only moderators and the comment’s author can see earlier versions.' };

export async function GET(_request: Request, { params }: { params: Promise<{ commentId: string }> }) {
  const { user } = await requireUser();
  if (!user) return NextResponse.json(REFUSED, { status: 403, headers });
  const commentId = Number((await params).commentId);
  if (!Number.isInteger(commentId) || commentId < 1) return NextResponse.json({ error: 'No such comment.' }, { status: 404, headers });
  if (!canModerate(user.role) && (await getCommentAuthorId(commentId)) !== user.id) return NextResponse.json(REFUSED, { status: 403, headers });
  return NextResponse.json({ revisions: await listRevisions(commentId) }, { headers });
}
