/**
 * Remembers, in this browser only, which address is waiting for a sign-in code and where to go after,
 * so the "check your email" page can take the code without the address in its URL.
 */
import 'server-only';
import { cookies } from 'next/headers';
import { z } from 'zod';
import { env } from './env';
import { SIGN_IN_MAX_AGE_SECONDS } from './sign-in-code';

const COOKIE = 'hearth-pending-sign-in';
const pendingSchema = z.object({ email: z.string(), callbackPath: z.string() });
export type PendingSignIn = z.infer<typeof pendingSchema>;

export async function rememberPendingSignIn(pending: PendingSignIn): Promise<void> {
  (await cookies()).set(COOKIE, JSON.stringify(pending), {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.siteUrl.startsWith('https:'),
    maxAge: SIGN_IN_MAX_AGE_SECONDS,
    path: '/',
  });
}

export async function readPendingSignIn(): Promise<PendingSignIn | null> {
  const raw = (await cookies()).get(COOKIE)?.value;
  if (!raw) return null;
  try {
    const parsed = pendingSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
