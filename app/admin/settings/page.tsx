import type { Metadata } from 'next';
import { NotAllowed } from '@/components/admin/not-allowed';
import { SettingsForm } from '@/components/admin/settings-form';
import { getCommentSettings, getSiteSettings } from '@/db/queries/settings';
import { updateSettingsAction } from '@/lib/actions/site-admin';
import { isAdmin } from '@/lib/roles';
import { signedInOrRedirect } from '@/lib/admin-access';
import '../site-admin.css';

export const metadata: Metadata = { title: 'Site settings' };

export default async function SiteSettingsPage() {
  const user = await signedInOrRedirect('/admin/settings');
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
