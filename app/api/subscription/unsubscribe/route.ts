/**
 * RFC 8058 one-click unsubscribe: mail programs POST "List-Unsubscribe=One-Click" to the URL in the
 * List-Unsubscribe header, and the signed token in it is the whole proof. A GET (a person or a
 * link scanner opening the URL) changes nothing and leads to the page with the button.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { unsubscribe } from '@/db/queries/subscribers';
import { env } from '@/lib/env';
import { readManageToken } from '@/lib/subscriptions/links';

const text = (body: string, status: number) =>
  new NextResponse(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' } });

export async function POST(request: NextRequest) {
  const subscriber = readManageToken(request.nextUrl.searchParams.get('token') ?? undefined);
  if (!subscriber) return text('This unsubscribe link is not valid. Open the link in the email instead.', 400);
  unsubscribe(subscriber.id);
  return text('You are unsubscribed. No more posts will be emailed to this address.', 200);
}

export async function GET(request: NextRequest) {
  const token = request.nextUrl.searchParams.get('token') ?? '';
  return NextResponse.redirect(`${env.siteUrl}/subscription?${new URLSearchParams({ token })}`, 303);
}
