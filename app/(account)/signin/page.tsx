import type { Metadata } from 'next';
import { SignInForm } from '@/components/auth/sign-in-form';
import { requestSignInAction } from '@/lib/actions/sign-in';
import { env } from '@/lib/env';
import { safeCallbackPath } from '@/lib/safe-redirect';

export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string; deleted?: string }> };

const ERRORS: Record<string, string> = {
  Verification: 'That sign-in link or code has expired or was already used. Ask for a new one below.',
  AccessDenied: 'That sign-in was refused. Ask for a new link below.',
};

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, error, deleted } = await searchParams;
  const callbackPath = safeCallbackPath(callbackUrl) ?? '/';
  const oauth = [env.github && { id: 'github', name: 'GitHub' }, env.google && { id: 'google', name: 'Google' }].filter(Boolean) as { id: string; name: string }[];
  return (
    <div className="page-narrow auth-page">
      <h1>Sign in</h1>
      {deleted && <p className="notice notice--ok">Your account has been deleted. Thank you for being part of this community.</p>}
      {error && (
        <p className="notice notice--error" role="alert">
          {ERRORS[error] ?? 'Signing in did not work. Please try again.'}
        </p>
      )}
      <p>Join the conversation and manage your email updates. Enter your email and we’ll send you a link: no password to remember.</p>
      <SignInForm action={requestSignInAction} callbackUrl={callbackPath} />
      {oauth.length > 0 && (
        <section aria-labelledby="oauth-heading" className="oauth">
          <h2 id="oauth-heading">Or sign in with</h2>
          {oauth.map((provider) => (
            <form key={provider.id} method="post" action={`/api/auth/signin/${provider.id}`}>
              <input type="hidden" name="callbackUrl" value={`/welcome?${new URLSearchParams({ next: callbackPath })}`} />
              <button type="submit" className="button--quiet">
                {provider.name}
              </button>
            </form>
          ))}
        </section>
      )}
    </div>
  );
}
