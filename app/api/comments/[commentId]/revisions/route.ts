// Earlier versions of an edited comment: for moderators only.
import { NextResponse } from 'next/server';
import { listRevisions } from '@/db/queries/comments';
import { canModerate } from '@/lib/roles';
import { getCurrentUser } from '@/lib/session';

const headers = { 'Cache-Control': 'private, no-store' };

export async function GET(_request: Request, { params }: { params: Promise<{ commentId: string }> }) {
  const user = await getCurrentUser();
  if (!user || !canModerate(user.role)) return NextResponse.json({ error: 'Only moderators can see earlier versions.' }, { status: 403, headers });
  const commentId = Number((await params).commentId);
  if (!Number.isInteger(commentId) || commentId < 1) return NextResponse.json({ error: 'No such comment.' }, { status: 404, headers });
  return NextResponse.json({ revisions: listRevisions(commentId) }, { headers });
}
