import type { Metadata } from 'next';
import { EMAIL_PROVIDER_ID } from '@/lib/auth';
import { safeCallbackPath } from '@/lib/safe-redirect';

export const metadata: Metadata = { title: 'Confirm sign-in' };

type Props = { searchParams: Promise<{ email?: string; token?: string; callbackUrl?: string }> };

// The emailed link lands here. Mail scanners open links but do not press buttons, so the
// one-time code is used only when the person presses "Sign in".
export default async function ConfirmSignInPage({ searchParams }: Props) {
  const { email, token, callbackUrl } = await searchParams;
  if (!email || !token) {
    return (
      <div className="page-narrow auth-page">
        <h1>This sign-in link is incomplete</h1>
        <p>
          Copy the whole link from the email, or <a href="/signin">ask for a new one</a>.
        </p>
      </div>
    );
  }
  return (
    <div className="page-narrow auth-page">
      <h1>Sign in as {email}?</h1>
      <form method="get" action={`/api/auth/callback/${EMAIL_PROVIDER_ID}`} className="stack-form">
        <input type="hidden" name="email" value={email} />
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="callbackUrl" value={safeCallbackPath(callbackUrl) ?? '/'} />
        <button type="submit">Sign in</button>
      </form>
      <p>Not you, or didn’t ask to sign in? Close this page: nothing happens until the button is pressed.</p>
    </div>
  );
}
