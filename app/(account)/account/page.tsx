import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { DeleteAccountForm } from '@/components/account/delete-account-form';
import { DisplayNameForm } from '@/components/account/display-name-form';
import { InitialsAvatar } from '@/components/ui/initials-avatar';
import { getOwnAccount } from '@/db/queries/users';
import { ReplyNotificationsForm } from '@/components/account/reply-notifications-form';
import { deleteAccountAction, updateDisplayNameAction } from '@/lib/actions/account';
import { replyNotificationsAction } from '@/lib/actions/notifications';
import { formatDate } from '@/lib/format';
import { getCurrentUser } from '@/lib/session';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const user = await getCurrentUser();
  const account = user && getOwnAccount(user.id);
  if (!account) redirect('/signin?callbackUrl=/account');
  return (
    <div className="page-narrow account-page">
      <h1>Your account</h1>
      <p className="account-page__who">
        <InitialsAvatar name={account.name} size={48} />
        <span>
          <strong>{account.name ?? 'No display name yet'}</strong>
          <br />
          Signed in as {account.email} (only you and the site’s admins can see this) · member since {formatDate(account.joinedAt)}
        </span>
      </p>

      <section aria-labelledby="name-heading">
        <h2 id="name-heading">Display name</h2>
        <DisplayNameForm action={updateDisplayNameAction} currentName={account.name} submitLabel="Save name" />
      </section>

      <section aria-labelledby="email-heading">
        <h2 id="email-heading">Email preferences</h2>
        <ReplyNotificationsForm action={replyNotificationsAction} current={account.replyNotifications} />
        <p>Sign-in emails are sent only when you ask for one. Every reply email also has a link to mute that one conversation.</p>
      </section>

      <section aria-labelledby="data-heading">
        <h2 id="data-heading">Your data</h2>
        <p>
          <a href="/api/account/export" download>
            Download my data
          </a>{' '}
          (a JSON file with your profile and everything linked to it).
        </p>
      </section>

      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete my account</h2>
        <p>This removes your account and signs you out everywhere. It cannot be undone.</p>
        <DeleteAccountForm action={deleteAccountAction} />
      </section>
    </div>
  );
}
