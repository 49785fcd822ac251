/**
 * What every sign-in that proves an address does, whichever way it came (Auth.js's sign-in event, or
 * confirming a comment written while signed out): site admins named in ADMIN_EMAILS get their role,
 * and the address's guest comments become the member's.
 */
import 'server-only';
import { promoteToAdmin } from '@/db/queries/role-changes';
import { claimGuestCommentsOnSignIn, type SignInMessage } from './comments/claim-guest-comments';
import { env } from './env';

export async function afterSignIn(message: SignInMessage): Promise<void> {
  const { user } = message;
  if (user.id && user.email && env.adminEmails.has(user.email.toLowerCase())) await promoteToAdmin(user.id);
  await claimGuestCommentsOnSignIn(message);
}
