import type { Metadata } from 'next';
import Link from 'next/link';
import { SignInCodeForm } from '@/components/auth/sign-in-code-form';
import { enterSignInCodeAction } from '@/lib/actions/sign-in';
import { emailDeliveryConfigured } from '@/lib/mail/transport';
import { readPendingSignIn } from '@/lib/pending-sign-in';

export const metadata: Metadata = { title: 'Check your email' };

export default async function CheckEmailPage() {
  const pending = await readPendingSignIn();
  return (
    <div className="page-narrow auth-page">
      <h1>Check your email</h1>
      <p>
        If the address can receive email, a sign-in link is on its way
        {pending ? (
          <>
            {' '}
            to <strong>{pending.email}</strong>
          </>
        ) : null}
        . It works once, for 15 minutes.
      </p>
      {!emailDeliveryConfigured() && <p className="notice">This site has no email server configured yet: the message was written to the server’s log instead.</p>}
      {pending ? (
        <>
          <h2>Reading the email on another device?</h2>
          <SignInCodeForm action={enterSignInCodeAction} />
        </>
      ) : null}
      <p>
        Nothing arrived after a few minutes? Check your spam folder, or <Link href="/signin">ask for a new email</Link>.
      </p>
    </div>
  );
}
