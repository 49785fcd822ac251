'use server';
/** Asking for a sign-in email, and typing the code from it. */
import { redirect } from 'next/navigation';
import { isPendingSignInCode } from '@/db/queries/sign-in-codes';
import { EMAIL_PROVIDER_ID, signIn } from '@/lib/auth';
import { getAuthSecret } from '@/lib/auth-secret';
import { readPendingSignIn, rememberPendingSignIn } from '@/lib/pending-sign-in';
import { allowSignInAttempt, allowSignInEmail } from '@/lib/rate-limit';
import { safeCallbackPath } from '@/lib/safe-redirect';
import { getClientIp } from '@/lib/session';
import { signInCodeSchema, signInSchema } from '@/lib/validations/sign-in';
import { formFields, invalid, UNEXPECTED, type ActionState } from './state';

/** After any sign-in: the welcome step asks for a display name once, then sends the person on. */
const afterSignIn = (callbackPath: string) => `/welcome?${new URLSearchParams({ next: callbackPath })}`;

export async function requestSignInAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = signInSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  const callbackPath = safeCallbackPath(parsed.data.callbackUrl);
  if (!callbackPath) return { ok: false, message: 'That sign-in link tried to send you to another website, so no email was sent. Start again from this site.' };
  const { email } = parsed.data;
  if (!allowSignInEmail(email, await getClientIp())) {
    return { ok: false, message: 'Too many sign-in emails were asked for. Please wait 15 minutes, then try again (the emails already sent still work).' };
  }
  try {
    await signIn(EMAIL_PROVIDER_ID, { email, redirect: false, redirectTo: afterSignIn(callbackPath) });
    await rememberPendingSignIn({ email, callbackPath });
  } catch (error) {
    console.error('[hearth] sign-in request failed:', error);
    return UNEXPECTED;
  }
  redirect('/signin/check');
}

export async function enterSignInCodeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = signInCodeSchema.safeParse(formFields(formData));
  if (!parsed.success) return invalid(parsed.error);
  const pending = await readPendingSignIn();
  if (!pending) return { ok: false, message: 'This page has expired. Ask for a new sign-in email.' };
  if (!allowSignInAttempt(pending.email)) return { ok: false, message: 'Too many wrong codes. Please wait 15 minutes or use the link in the email.' };
  const { code } = parsed.data;
  if (!isPendingSignInCode(pending.email, code, getAuthSecret())) {
    return { ok: false, fieldErrors: { code: ['That code is not right, or it has expired or been used. Check the newest email.'] } };
  }
  const callback = `/api/auth/callback/${EMAIL_PROVIDER_ID}?${new URLSearchParams({ token: code, email: pending.email, callbackUrl: afterSignIn(pending.callbackPath) })}`;
  return { ok: true, message: 'Signing you in…', redirectTo: callback };
}
