import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { DisplayNameForm } from '@/components/account/display-name-form';
import { chooseDisplayNameAction } from '@/lib/actions/account';
import { safeCallbackPath } from '@/lib/safe-redirect';
import { getCurrentUser } from '@/lib/session';

export const metadata: Metadata = { title: 'Welcome' };

type Props = { searchParams: Promise<{ next?: string }> };

// After every sign-in: ask for a display name the first time, otherwise continue straight on.
export default async function WelcomePage({ searchParams }: Props) {
  const next = safeCallbackPath((await searchParams).next) ?? '/';
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?${new URLSearchParams({ callbackUrl: next })}`);
  if (user.name) redirect(next);
  return (
    <div className="page-narrow auth-page">
      <h1>Welcome! What should we call you?</h1>
      <p>Pick the name others will see. You can change it any time on your account page.</p>
      <DisplayNameForm action={chooseDisplayNameAction} currentName={null} submitLabel="Continue" next={next} />
    </div>
  );
}
