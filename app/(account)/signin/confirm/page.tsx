import type { Metadata } from 'next';
import { ConfirmSignInForm } from '@/components/auth/confirm-sign-in-form';
import { confirmSignInAction } from '@/lib/actions/sign-in';
import { safeCallbackPath } from '@/lib/safe-redirect';
import { addressOfEmailedCode } from '@/lib/sign-in-guess';

export const metadata: Metadata = { title: 'Confirm sign-in' };

type Props = { searchParams: Promise<{ email?: string; token?: string; callbackUrl?: string }> };

// The emailed link lands here, and so does a raw callback URL opened without confirming first.
// Mail scanners open links but do not press buttons, so the one-time code is used only when the
// person presses "Sign in" (which works on any device, not only the one that asked). Emailed links
// carry no address: it is found from the code (an expired or used code finds none).
export default async function ConfirmSignInPage({ searchParams }: Props) {
  const { token, callbackUrl, ...query } = await searchParams;
  const email = query.email ?? (token ? await addressOfEmailedCode(token) : null);
  if (!email || !token) {
    return (
      <div className="page-narrow auth-page">
        <h1>This sign-in link is incomplete, used or expired</h1>
        <p>
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a plain full page load, like the links beside it (the rule sees only some routes: none inside route groups) */}
          Copy the whole link from the newest email, or <a href="/signin">ask for a new one</a>.
        </p>
      </div>
    );
  }
  return (
    <div className="page-narrow auth-page">
      <h1>Sign in as {email}?</h1>
      <ConfirmSignInForm action={confirmSignInAction} email={email} token={token} callbackUrl={safeCallbackPath(callbackUrl) ?? '/'} />
      <p>Not you, or didn’t ask to sign in? Close this page: nothing happens until the button is pressed.</p>
    </div>
  );
}
