/**
 * One rule for every way of trying a sign-in code: the typed code and the emailed link's button both
 * come here (Auth.js's callback accepts a code only after this said yes, see lib/sign-in-proof.ts).
 * Each try counts against the address and the client IP; past the limit the address's outstanding
 * codes are void, so guessing on cannot succeed even once the window has passed.
 */
import 'server-only';
import { isPendingSignInCode, voidSignInCodes } from '@/db/queries/sign-in-codes';
import { getAuthSecret } from './auth-secret';
import { allowSignInGuess } from './rate-limit';

export type SignInGuess = 'right' | 'wrong' | 'too-many';

export const TOO_MANY_GUESSES_MESSAGE =
  'Too many tries for this sign-in. To keep your account safe, the codes and links already sent no longer work. Please ask for a new sign-in email in 15 minutes.';

export function trySignInCode(email: string, code: string, ip: string): SignInGuess {
  if (!allowSignInGuess(email, ip)) {
    voidSignInCodes(email);
    return 'too-many';
  }
  return isPendingSignInCode(email, code, getAuthSecret()) ? 'right' : 'wrong';
}
