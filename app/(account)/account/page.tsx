import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { DeleteAccountForm } from '@/components/account/delete-account-form';
import { DisplayNameForm } from '@/components/account/display-name-form';
import { OwnComments } from '@/components/account/own-comments';
import { listAccountComments } from '@/db/queries/account-comments';
import { InitialsAvatar } from '@/components/ui/initials-avatar';
import { getModerationAlertChoice } from '@/db/queries/moderation-alerts';
import { getOwnAccount } from '@/db/queries/member-account';
import { getSubscriberByEmail } from '@/db/queries/subscriber-lookup';
import { listCategories } from '@/db/queries/taxonomy';
import { SubscriptionChoicesForm } from '@/components/subscriptions/subscription-choices-form';
import { OneButtonForm } from '@/components/ui/one-button-form';
import { subscribeMemberAction, unsubscribeAction, updateSubscriptionAction } from '@/lib/actions/subscriptions';
import { manageToken } from '@/lib/subscriptions/links';
import { ModerationAlertsForm } from '@/components/account/moderation-alerts-form';
import { ReplyNotificationsForm } from '@/components/account/reply-notifications-form';
import { deleteAccountAction, updateDisplayNameAction } from '@/lib/actions/account';
import { moderationAlertsAction } from '@/lib/actions/moderation';
import { replyNotificationsAction } from '@/lib/actions/notifications';
import { SiteDate } from '@/components/layout/site-date';
import { canModerate } from '@/lib/roles';
import { isAdmin } from '@/lib/roles';
import { getCurrentUser } from '@/lib/session';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const user = await getCurrentUser();
  const account = user && (await getOwnAccount(user.id));
  if (!account) redirect('/signin?callbackUrl=/account');
  const subscriber = await getSubscriberByEmail(account.email);
  return (
    <div className="page-narrow account-page">
      <h1>Your account</h1>
      <p className="account-page__who">
        <InitialsAvatar name={account.name} size={48} />
        <span>
          <strong>{account.name ?? 'No display name yet'}</strong>
          <br />
          Signed in as {account.email} (only you and the site’s admins can see this) · member since <SiteDate iso={account.joinedAt} />
        </span>
      </p>

      {canModerate(user.role) && (
        <nav aria-label="Site administration" className="notice">
          Site administration: <Link href="/admin/comments">comments to moderate</Link>
          {isAdmin(user.role) && (
            <>
              {' · '}
              <Link href="/admin/subscribers">subscribers and outgoing email</Link>
            </>
          )}
        </nav>
      )}

      <section aria-labelledby="name-heading">
        <h2 id="name-heading">Display name</h2>
        <DisplayNameForm action={updateDisplayNameAction} currentName={account.name} submitLabel="Save name" />
      </section>

      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading">Your comments</h2>
        <OwnComments comments={await listAccountComments(user.id)} />
      </section>

      <section aria-labelledby="email-heading">
        <h2 id="email-heading">Email preferences</h2>
        <ReplyNotificationsForm action={replyNotificationsAction} current={account.replyNotifications} />
        <p>Sign-in emails are sent only when you ask for one. Every reply email also has a link to mute that one conversation.</p>
        {canModerate(user.role) && <ModerationAlertsForm action={moderationAlertsAction} current={(await getModerationAlertChoice(user.id)) ?? 'never'} />}
      </section>

      <section aria-labelledby="subscription-heading">
        <h2 id="subscription-heading">New posts by email</h2>
        {subscriber?.status === 'confirmed' ? (
          <>
            <p>New posts are emailed to {account.email}.</p>
            <SubscriptionChoicesForm
              action={updateSubscriptionAction}
              token={manageToken(subscriber)}
              topics={await listCategories()}
              current={{ frequency: subscriber.frequency, categoryIds: subscriber.categoryIds }}
            />
            <OneButtonForm action={unsubscribeAction} token={manageToken(subscriber)} label="Unsubscribe" pendingLabel="Unsubscribing…" danger />
          </>
        ) : (
          <>
            <p>Get every new post by email at {account.email}. You can choose topics or a weekly summary afterwards.</p>
            <OneButtonForm action={subscribeMemberAction} label="Subscribe" pendingLabel="Subscribing…" />
          </>
        )}
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
        <p>This removes your account and your email subscription, and signs you out everywhere. It cannot be undone.</p>
        <DeleteAccountForm action={deleteAccountAction} />
      </section>
    </div>
  );
}
