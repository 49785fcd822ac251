/**
 * RFC 8058 one-click unsubscribe: mail programs POST "List-Unsubscribe=One-Click" to the URL in the
 * List-Unsubscribe header, and the signed token in it is the whole proof: a subscriber's token leaves
 * the list, a member's reply-email token stops reply emails. A GET (a person or a link scanner opening
 * the URL) changes nothing and leads to the page with the button.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { setReplyNotifications } from '@/db/queries/reply-notices';
import { unsubscribe } from '@/db/queries/subscriber-lifecycle';
import { readStopRepliesToken } from '@/lib/comments/reply-notifications';
import { env } from '@/lib/env';
import { readManageToken } from '@/lib/subscriptions/links';

const text = (body: string, status: number) => new NextResponse(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' } });

export async function POST(request: NextRequest) {
  const token = request.nextUrl.searchParams.get('token') ?? undefined;
  const subscriber = await readManageToken(token);
  if (subscriber) {
    await unsubscribe(subscriber.id);
    return text('You are unsubscribed. No more posts will be emailed to this address.', 200);
  }
  const member = readStopRepliesToken(token);
  if (!member) return text('This unsubscribe link is not valid. Open the link in the email instead.', 400);
  await setReplyNotifications(member, 'never');
  return text('Reply emails are stopped. Turn them back on from your account page.', 200);
}

export async function GET(request: NextRequest) {
  const token = request.nextUrl.searchParams.get('token') ?? '';
  if (readStopRepliesToken(token)) return NextResponse.redirect(`${env.siteUrl}/account`, 303);
  return NextResponse.redirect(`${env.siteUrl}/subscription?${new URLSearchParams({ token })}`, 303);
}
