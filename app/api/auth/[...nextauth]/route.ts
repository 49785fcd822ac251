import { NextResponse, type NextRequest } from 'next/server';
import { EMAIL_PROVIDER_ID, handlers } from '@/lib/auth';

export const { GET } = handlers;

/**
 * Sign-in emails are asked for only through the sign-in form's action, which applies the per-address
 * and per-IP limits before calling Auth.js in-process. Auth.js's own HTTP endpoint for them would skip
 * those limits, so it is closed; the other POST endpoints (sign-out, OAuth sign-in) stay open.
 */
export async function POST(request: NextRequest) {
  // Read the way Auth.js reads its action and provider: the last two non-empty path segments.
  const [action, provider] = request.nextUrl.pathname.split('/').filter(Boolean).slice(-2);
  if (action === 'signin' && provider === EMAIL_PROVIDER_ID) {
    return NextResponse.json({ message: 'Ask for a sign-in email from the sign-in page.' }, { status: 403, headers: { 'Cache-Control': 'private, no-store' } });
  }
  return handlers.POST(request);
}
