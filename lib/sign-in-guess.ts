/**
 * One rule for every way of trying a sign-in code: the typed code and the emailed link's button both
 * come here (Auth.js's callback accepts a code only after this said yes, see lib/sign-in-proof.ts).
 * Each try counts against the address and the client IP. Past the address's limit its outstanding codes
 * are void, so guessing on cannot succeed even once the window has passed. Past the IP's limit alone the
 * try is refused but nothing is voided: a hospital or a phone network shares one address, and 50 members
 * signing in there must not void the next member's code.
 */
import 'server-only';
import { addressOfSignInCode, isPendingSignInCode, voidSignInCodes } from '@/db/queries/sign-in-codes';
import { getAuthSecret } from './auth-secret';
import { allowSignInGuess } from './rate-limit';

export type SignInGuess = 'right' | 'wrong' | 'too-many' | 'too-many-here';

export const TOO_MANY_GUESSES_MESSAGE =
  'Too many tries for this sign-in. To keep your account safe, the codes and links already sent no longer work. Please ask for a new sign-in email in 15 minutes.';

export const TOO_MANY_HERE_MESSAGE = 'Too many sign-in tries came from your network in the last few minutes. Please try again in 15 minutes; your code keeps working until it expires.';

export async function trySignInCode(email: string, code: string, ip: string): Promise<SignInGuess> {
  const allowed = await allowSignInGuess(email, ip);
  if (!allowed.address) {
    await voidSignInCodes(email);
    return 'too-many';
  }
  if (!allowed.ip) return 'too-many-here';
  return (await isPendingSignInCode(email, code, getAuthSecret())) ? 'right' : 'wrong';
}

/** Whom an emailed link's code is for (the link leaves the address out, so it never travels in a URL). */
export function addressOfEmailedCode(code: string): Promise<string | null> {
  return addressOfSignInCode(code, getAuthSecret());
}
