'use server';
/**
 * Signing in by email: asking for the email, typing its code, and pressing the emailed link's button.
 * Both ways of using a code count the try (lib/sign-in-guess.ts) and, when it is right, give this
 * browser the short proof that Auth.js's callback now requires (lib/sign-in-proof.ts).
 */
import { redirect } from 'next/navigation';
import { EMAIL_PROVIDER_ID, signIn } from '@/lib/auth';
import { readPendingSignIn, rememberPendingSignIn } from '@/lib/pending-sign-in';
import { allowSignInEmail } from '@/lib/rate-limit';
import { safeCallbackPath } from '@/lib/safe-redirect';
import { getClientIp } from '@/lib/session';
import { TOO_MANY_GUESSES_MESSAGE, TOO_MANY_HERE_MESSAGE, trySignInCode } from '@/lib/sign-in-guess';
import { EMAIL_CALLBACK_PATH, grantSignInProof } from '@/lib/sign-in-proof';
import { confirmSignInSchema, signInCodeSchema, signInSchema } from '@/lib/validations/sign-in';
import { formAction } from './guarded';
import type { ActionState } from './state';

/** After any sign-in: the welcome step asks for a display name once, then sends the person on. */
const afterSignIn = (callbackPath: string) => `/welcome?${new URLSearchParams({ next: callbackPath })}`;

export const requestSignInAction = formAction({ name: 'sign-in request', access: 'anyone', schema: signInSchema }, async ({ email, callbackUrl }) => {
  const callbackPath = safeCallbackPath(callbackUrl);
  if (!callbackPath) return { ok: false, message: 'That sign-in link tried to send you to another website, so no email was sent. Start again from this site.' };
  if (!allowSignInEmail(email, await getClientIp())) {
    return { ok: false, message: 'Too many sign-in emails were asked for. Please wait 15 minutes, then try again (the emails already sent still work).' };
  }
  await signIn(EMAIL_PROVIDER_ID, { email, redirect: false, redirectTo: afterSignIn(callbackPath) });
  await rememberPendingSignIn({ email, callbackPath });
  redirect('/signin/check');
});

/**
 * Counts and checks a code; when right, lets this browser take it to Auth.js's callback.
 * `wrong` is what each form says about a wrong code.
 */
async function takeSignInCode(email: string, code: string, callbackPath: string, wrong: ActionState): Promise<ActionState> {
  const guess = await trySignInCode(email, code, await getClientIp());
  if (guess === 'too-many') return { ok: false, message: TOO_MANY_GUESSES_MESSAGE };
  if (guess === 'too-many-here') return { ok: false, message: TOO_MANY_HERE_MESSAGE };
  if (guess === 'wrong') return wrong;
  await grantSignInProof(email, code);
  return { ok: true, message: 'Signing you in…', redirectTo: `${EMAIL_CALLBACK_PATH}?${new URLSearchParams({ token: code, email, callbackUrl: callbackPath })}` };
}

export const enterSignInCodeAction = formAction({ name: 'sign-in code', access: 'anyone', schema: signInCodeSchema }, async ({ code }) => {
  const pending = await readPendingSignIn();
  if (!pending) return { ok: false, message: 'This page has expired. Ask for a new sign-in email.' };
  return takeSignInCode(pending.email, code, afterSignIn(pending.callbackPath), {
    ok: false,
    fieldErrors: { code: ['That code is not right, or it has expired or been used. Check the newest email.'] },
  });
});

/** The emailed link's "Sign in" button. Its return path already includes the welcome step. */
export const confirmSignInAction = formAction({ name: 'sign-in confirm', access: 'anyone', schema: confirmSignInSchema }, async ({ email, token, callbackUrl }) =>
  takeSignInCode(email, token, safeCallbackPath(callbackUrl) ?? '/', { ok: false, message: 'That sign-in link has expired or was already used.', redirectTo: '/signin?error=Verification' }),
);
