/**
 * On sign-in, a guest's imported comments become the account's (issue 15). Only an address the sign-in
 * proved counts: an email sign-in (the code or link reached that inbox) or Google saying the address is
 * verified. GitHub's address is not claimed: Auth.js does not tell whether it was verified.
 */
import 'server-only';
import { revalidateTag } from 'next/cache';
import { claimGuestComments } from '@/db/queries/guest-comments';
import { TAGS } from '@/lib/cache';

/** The parts of Auth.js's `events.signIn` message this reads. */
export type SignInMessage = {
  user: { id?: string | null; email?: string | null };
  account?: { provider: string; type: string } | null;
  profile?: { email_verified?: unknown } | null;
};

/** The address this sign-in proved belongs to the person, or null. */
export function provenAddress({ user, account, profile }: SignInMessage): string | null {
  if (!user.email || !account) return null;
  const proven = account.type === 'email' || (account.provider === 'google' && profile?.email_verified === true);
  return proven ? user.email.toLowerCase() : null;
}

/** Claims the guest comments for this sign-in; returns the slugs of the posts whose threads changed. */
export async function claimGuestCommentsFor(message: SignInMessage): Promise<string[]> {
  const address = provenAddress(message);
  if (!address || !message.user.id) return [];
  return claimGuestComments(message.user.id, address);
}

/** Auth.js's sign-in event (a route handler): claims, then drops the cached pages that showed the guest's name. */
export async function claimGuestCommentsOnSignIn(message: SignInMessage): Promise<void> {
  const slugs = await claimGuestCommentsFor(message);
  if (slugs.length === 0) return;
  for (const slug of slugs) revalidateTag(TAGS.post(slug), { expire: 0 });
  revalidateTag(TAGS.comments, { expire: 0 });
}
