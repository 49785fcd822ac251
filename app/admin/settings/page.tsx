import type { Metadata } from 'next';
import { NotAllowed } from '@/components/admin/not-allowed';
import { SettingsForm } from '@/components/admin/settings-form';
import { getCommentSettings, getNewPostEmailContent, getSiteIdentity, getSiteSettings } from '@/db/queries/settings';
import { getUpload } from '@/db/queries/uploads';
import { updateSettingsAction } from '@/lib/actions/site-admin';
import { ADMINS } from '@/lib/roles';
import { requireRoleOrSignIn } from '@/lib/admin-access';
import { timeZoneChoices } from '@/lib/site-identity/time-zones';
import '../site-admin.css';
import './site-identity.css';

export const metadata: Metadata = { title: 'Site settings' };

export default async function SiteSettingsPage() {
  const user = await requireRoleOrSignIn('/admin/settings', ADMINS);
  if (!user) return <NotAllowed who="the site’s admins" />;
  const [site, comments, identity, newPostEmail] = await Promise.all([getSiteSettings(), getCommentSettings(), getSiteIdentity(), getNewPostEmailContent()]);
  const image = async (id: number | null) => {
    const upload = id === null ? null : await getUpload(id);
    return upload ? { url: upload.url, width: upload.width, height: upload.height } : null;
  };
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
          iconUploadId: identity.iconUploadId === null ? '' : String(identity.iconUploadId),
          logoUploadId: identity.logoUploadId === null ? '' : String(identity.logoUploadId),
          timeZone: identity.timeZone,
          dateFormat: identity.dateFormat,
          newPostEmail,
        }}
        timeZones={timeZoneChoices(identity.timeZone)}
        icon={await image(identity.iconUploadId)}
        logo={await image(identity.logoUploadId)}
      />
    </div>
  );
}
