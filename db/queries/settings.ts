/** Reads the single row of site settings, with safe defaults before anything is configured. */
import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { siteSettings } from '@/db/schema';

export type SiteInfo = { name: string; tagline: string; about: string; communityLinks: { label: string; url: string }[] };

const DEFAULT_SITE: SiteInfo = { name: 'Hearth', tagline: '', about: '', communityLinks: [] };

export function getSiteSettings(): SiteInfo {
  const row = getDb().select().from(siteSettings).where(eq(siteSettings.id, 1)).get();
  if (!row) return DEFAULT_SITE;
  return { name: row.name, tagline: row.tagline, about: row.about, communityLinks: row.communityLinks };
}

export type CommentSettings = {
  holdFirstComment: boolean;
  maxCommentLinks: number;
  blockedWords: string[];
  supportResources: { label: string; url: string }[];
};

export function getCommentSettings(): CommentSettings {
  const row = getDb().select().from(siteSettings).where(eq(siteSettings.id, 1)).get();
  return row
    ? { holdFirstComment: row.holdFirstComment, maxCommentLinks: row.maxCommentLinks, blockedWords: row.blockedWords, supportResources: row.supportResources }
    : { holdFirstComment: true, maxCommentLinks: 2, blockedWords: [], supportResources: [] };
}
