import { NextResponse, type NextRequest } from 'next/server';
import { EMAIL_PROVIDER_ID, handlers } from '@/lib/auth';
import { env } from '@/lib/env';
import { safeCallbackPath } from '@/lib/safe-redirect';
import { clearSignInProof, hasSignInProof, SIGN_IN_PROOF_COOKIE } from '@/lib/sign-in-proof';

const PRIVATE = { 'Cache-Control': 'private, no-store' };
type Handler = (request: NextRequest) => Promise<Response>;

/** Read the way Auth.js reads its action and provider: the last two non-empty path segments. */
const authRoute = (request: NextRequest) => request.nextUrl.pathname.split('/').filter(Boolean).slice(-2);

/**
 * The emailed code's callback (Auth.js serves it on GET and POST alike) signs in only a browser that
 * just confirmed that address and code on this site (lib/sign-in-proof.ts): a link or auto-submitted
 * form from another site, or a raw callback URL, lands on the confirmation page instead, with
 * nothing used and nobody signed in.
 */
async function emailCallback(request: NextRequest, handler: Handler): Promise<Response> {
  const query = request.nextUrl.searchParams;
  const email = query.get('email');
  const token = query.get('token');
  // Auth.js reads the last of repeated parameters, this check the first: a repeated one is never let through.
  const single = query.getAll('email').length === 1 && query.getAll('token').length === 1;
  if (!single || !hasSignInProof(request.cookies.get(SIGN_IN_PROOF_COOKIE)?.value, email, token)) {
    const confirm = new URLSearchParams({ email: email ?? '', token: token ?? '', callbackUrl: safeCallbackPath(query.get('callbackUrl')) ?? '/' });
    return NextResponse.redirect(`${env.siteUrl}/signin/confirm?${confirm}`, { status: 303, headers: PRIVATE });
  }
  const response = await handler(request);
  response.headers.append('Set-Cookie', clearSignInProof());
  return response;
}

export async function GET(request: NextRequest) {
  const [action, provider] = authRoute(request);
  if (action === 'callback' && provider === EMAIL_PROVIDER_ID) return emailCallback(request, handlers.GET);
  return handlers.GET(request);
}

/**
 * Sign-in emails are asked for only through the sign-in form's action, which applies the per-address
 * and per-IP limits before calling Auth.js in-process. Auth.js's own HTTP endpoint for them would skip
 * those limits, so it is closed; the other POST endpoints (sign-out, OAuth sign-in) stay open.
 */
export async function POST(request: NextRequest) {
  const [action, provider] = authRoute(request);
  if (action === 'signin' && provider === EMAIL_PROVIDER_ID) {
    return NextResponse.json({ message: 'Ask for a sign-in email from the sign-in page.' }, { status: 403, headers: PRIVATE });
  }
  if (action === 'callback' && provider === EMAIL_PROVIDER_ID) return emailCallback(request, handlers.POST);
  return handlers.POST(request);
}
