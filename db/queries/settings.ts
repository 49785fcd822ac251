/** Reads and writes the single row of site settings, with safe defaults before anything is configured. */
import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { recordActivity, type Actor } from '@/db/queries/activity';
import { siteSettings, uploads, type DateFormat, type NewPostEmailContent } from '@/db/schema';

export type SiteLogo = { url: string; width: number; height: number };
export type SiteInfo = { name: string; tagline: string; about: string; communityLinks: { label: string; url: string }[]; logo: SiteLogo | null };

const DEFAULT_SITE: SiteInfo = { name: 'Hearth', tagline: '', about: '', communityLinks: [], logo: null };

export async function getSiteSettings(): Promise<SiteInfo> {
  const [row] = await getDb()
    .select({ settings: siteSettings, logoFile: uploads.file, logoWidth: uploads.width, logoHeight: uploads.height })
    .from(siteSettings)
    .leftJoin(uploads, eq(uploads.id, siteSettings.logoUploadId))
    .where(eq(siteSettings.id, 1))
    .limit(1);
  if (!row) return DEFAULT_SITE;
  const { name, tagline, about, communityLinks } = row.settings;
  const logo = row.logoFile ? { url: `/media/${row.logoFile}`, width: row.logoWidth!, height: row.logoHeight! } : null;
  return { name, tagline, about, communityLinks, logo };
}

/** The site's identity: its zone and date format (every date shown, when daily and weekly emails go), icon and logo. */
export type SiteIdentity = { timeZone: string; dateFormat: DateFormat; iconUploadId: number | null; logoUploadId: number | null };

export async function getSiteIdentity(): Promise<SiteIdentity> {
  const [row] = await getDb()
    .select({ timeZone: siteSettings.timeZone, dateFormat: siteSettings.dateFormat, iconUploadId: siteSettings.iconUploadId, logoUploadId: siteSettings.logoUploadId })
    .from(siteSettings)
    .where(eq(siteSettings.id, 1))
    .limit(1);
  return row ?? { timeZone: 'UTC', dateFormat: 'long', iconUploadId: null, logoUploadId: null };
}

/** Whether new-post emails carry the whole post (the default) or its summary. */
export async function getNewPostEmailContent(): Promise<NewPostEmailContent> {
  const [row] = await getDb().select({ v: siteSettings.newPostEmail }).from(siteSettings).where(eq(siteSettings.id, 1)).limit(1);
  return row?.v ?? 'full';
}

export type CommentSettings = {
  holdFirstComment: boolean;
  maxCommentLinks: number;
  blockedWords: string[];
  supportResources: { label: string; url: string }[];
  /** Privacy: threads only for signed-in members, so never in the cached page. */
  membersOnly: boolean;
  /** Privacy: ask search engines not to show comment text in results. */
  noSnippet: boolean;
};

export async function getCommentSettings(): Promise<CommentSettings> {
  const [row] = await getDb().select().from(siteSettings).where(eq(siteSettings.id, 1)).limit(1);
  if (!row) return { holdFirstComment: true, maxCommentLinks: 2, blockedWords: [], supportResources: [], membersOnly: false, noSnippet: false };
  return {
    holdFirstComment: row.holdFirstComment,
    maxCommentLinks: row.maxCommentLinks,
    blockedWords: row.blockedWords,
    supportResources: row.supportResources,
    membersOnly: row.commentsMembersOnly,
    noSnippet: row.commentsNoSnippet,
  };
}

export type SiteSettingsRow = Omit<typeof siteSettings.$inferInsert, 'id'>;

/** Replaces every setting at once (creating the row on first save), logged in the same transaction. */
export function updateSiteSettings(actor: Actor, values: SiteSettingsRow): Promise<void> {
  return withTransaction(async (tx) => {
    await tx
      .insert(siteSettings)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: siteSettings.id, set: values });
    await recordActivity(actor, 'settings.update', 'Site settings');
  });
}
