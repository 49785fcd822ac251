/**
 * Login CSRF guard. Auth.js signs in whoever opens its email callback URL with a valid code, so a
 * page on another site could sign a visitor into the attacker's account. Here the callback accepts
 * a code only with a short-lived cookie that a same-origin server action (Next checks its Origin)
 * set for that very address and code after counting and checking the try: another site can link
 * to the callback, but cannot make this browser hold that cookie.
 */
import 'server-only';
import { cookies } from 'next/headers';
import { EMAIL_PROVIDER_ID } from './auth';
import { env } from './env';
import { signToken, verifyToken } from './tokens';

export const SIGN_IN_PROOF_COOKIE = 'hearth-sign-in-proof';
/** Enough to follow a redirect on a slow phone, too short to be worth stealing. */
const PROOF_SECONDS = 120;

/** The email callback's path; the cookie is sent there only. */
export const EMAIL_CALLBACK_PATH = `/api/auth/callback/${EMAIL_PROVIDER_ID}`;

/** The HMAC's purpose names the address and code, so a proof for one opens no other. */
const purpose = (email: string, code: string) => `sign-in-proof:${email}:${code}`;

const cookieOptions = () => ({ httpOnly: true, sameSite: 'strict', secure: env.siteUrl.startsWith('https:'), path: EMAIL_CALLBACK_PATH }) as const;

/** After a right code: lets this browser, and only for a moment, use it at the callback. */
export async function grantSignInProof(email: string, code: string, now = Date.now()): Promise<void> {
  (await cookies()).set(SIGN_IN_PROOF_COOKIE, signToken(purpose(email, code), { exp: now + PROOF_SECONDS * 1000 }), { ...cookieOptions(), maxAge: PROOF_SECONDS });
}

/** Whether the callback's cookie proves a same-origin confirmation of this address and code. */
export function hasSignInProof(cookie: string | undefined, email: string | null, code: string | null, now = Date.now()): boolean {
  if (!email || !code) return false;
  const payload = verifyToken(purpose(email, code), cookie);
  return typeof payload?.exp === 'number' && payload.exp > now;
}

/** The proof is used once: the callback's answer removes it (a Set-Cookie header value). */
export const clearSignInProof = () => `${SIGN_IN_PROOF_COOKIE}=; Path=${EMAIL_CALLBACK_PATH}; Max-Age=0; HttpOnly; SameSite=Strict${cookieOptions().secure ? '; Secure' : ''}`;
