/** The first step of every admin page: a signed-in person (others go to sign-in and come back). */
import 'server-only';
import { redirect } from 'next/navigation';
import { getCurrentUser, type CurrentUser } from './session';

export async function signedInOrRedirect(path: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?${new URLSearchParams({ callbackUrl: path })}`);
  return user;
}
