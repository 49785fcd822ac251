// A post's newsletter delivery, polled by its admin page while emails are still queued. The post's author and admins only.
import { NextResponse } from 'next/server';
import { requireUser } from '@/lib/session';
import { postDeliveryFor } from '@/lib/subscriptions/post-delivery';

const NO_STORE = { 'Cache-Control': 'private, no-store' };

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { user } = await requireUser();
  if (!user) return NextResponse.json({ error: 'Sign in to see deliveries.' }, { status: 401, headers: NO_STORE });
  const postId = Number((await params).id);
  const delivery = Number.isSafeInteger(postId) && postId > 0 ? await postDeliveryFor(user, postId) : null;
  // The same answer for "no such post" and "not yours": which posts exist is not told.
  if (!delivery) return NextResponse.json({ error: 'Only the post’s author or an admin can see this.' }, { status: 403, headers: NO_STORE });
  return NextResponse.json(delivery, { headers: NO_STORE });
}
