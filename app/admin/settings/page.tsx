import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { NotAllowed } from '@/components/admin/not-allowed';
import { SettingsForm } from '@/components/admin/settings-form';
import { getCommentSettings, getSiteSettings } from '@/db/queries/settings';
import { updateSettingsAction } from '@/lib/actions/site-admin';
import { isAdmin } from '@/lib/roles';
import { getCurrentUser } from '@/lib/session';
import '../site-admin.css';

export const metadata: Metadata = { title: 'Site settings' };

export default async function SiteSettingsPage() {
  const user = await getCurrentUser();
  if (!user) redirect('/signin?callbackUrl=/admin/settings');
  if (!isAdmin(user.role)) return <NotAllowed who="the site’s admins" />;
  const site = getSiteSettings();
  const comments = getCommentSettings();
  return (
    <div className="page-narrow">
      <h1>Site settings</h1>
      <SettingsForm
        action={updateSettingsAction}
        current={{
          name: site.name,
          tagline: site.tagline,
          about: site.about,
          communityLinks: site.communityLinks,
          supportResources: comments.supportResources,
          holdFirstComment: comments.holdFirstComment,
          maxCommentLinks: String(comments.maxCommentLinks),
          blockedWords: comments.blockedWords.join('\n'),
          commentsMembersOnly: comments.membersOnly,
          commentsNoSnippet: comments.noSnippet,
        }}
      />
    </div>
  );
}
