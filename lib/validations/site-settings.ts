/** The site settings form (/admin/settings), shared by the browser (zodResolver) and the server. */
import { z } from 'zod';
import { DATE_FORMATS, NEW_POST_EMAIL_CONTENTS } from '@/db/schema-values';
import { isTimeZone } from '@/lib/local-time';
import { checkbox } from './fields';

export const MAX_LINKS = 20;
export const MAX_BLOCKED_WORDS = 200;

/** A full http(s) address with a host: no javascript:, mailto: or half-typed addresses. */
function isWebAddress(value: string): boolean {
  if (!/^https?:\/\/\S+$/i.test(value)) return false;
  try {
    return new URL(value).hostname.includes('.');
  } catch {
    return false;
  }
}

const linkSchema = z.object({
  label: z.string().trim().min(1, 'Give the link a label.').max(60, 'Keep the label under 60 characters.'),
  url: z.string().trim().max(500, 'Keep the address under 500 characters.').refine(isWebAddress, 'Use a full web address starting with http:// or https://.'),
});
export type LinkInput = z.input<typeof linkSchema>;

/** An uploaded image's id from the hidden field ("" for none): the server checks that it exists. */
const uploadId = z
  .string()
  .trim()
  .regex(/^\d{0,12}$/, 'Upload the image again.')
  .transform((value) => (value === '' ? null : Number(value)));

const linkListSchema = z.array(linkSchema).max(MAX_LINKS, `Use at most ${MAX_LINKS} links.`);

export const siteSettingsSchema = z.object({
  name: z.string().trim().min(1, 'Give the site a name.').max(80, 'Keep the name under 80 characters.'),
  tagline: z.string().trim().max(160, 'Keep the tagline under 160 characters.'),
  about: z.string().trim().max(2000, 'Keep the about text under 2,000 characters.'),
  communityLinks: linkListSchema,
  supportResources: linkListSchema,
  holdFirstComment: checkbox,
  maxCommentLinks: z
    .string()
    .trim()
    .regex(/^\d{1,2}$/, 'Enter a whole number from 0 to 20.')
    .transform(Number)
    .refine((n) => n <= 20, 'Enter a whole number from 0 to 20.'),
  /** One word or phrase per line; blank lines and repeats are dropped. */
  blockedWords: z
    .string()
    .max(20_000, 'The list of blocked words is too long.')
    .transform((text) => [
      ...new Set(
        text
          .split(/\r?\n/)
          .map((line) => line.trim().toLowerCase())
          .filter(Boolean),
      ),
    ])
    .refine((words) => words.length <= MAX_BLOCKED_WORDS, `Use at most ${MAX_BLOCKED_WORDS} blocked words.`)
    .refine((words) => words.every((word) => word.length <= 60), 'Keep each blocked word or phrase under 60 characters.'),
  commentsMembersOnly: checkbox,
  commentsNoSnippet: checkbox,
  /* Site identity. */
  iconUploadId: uploadId,
  logoUploadId: uploadId,
  timeZone: z.string().trim().refine(isTimeZone, 'Choose a time zone from the list, for example Europe/London.'),
  dateFormat: z.enum(DATE_FORMATS, 'Choose one of the date formats.'),
  /* Emails. */
  newPostEmail: z.enum(NEW_POST_EMAIL_CONTENTS, 'Choose what new-post emails carry.').default('full'),
});
export type SiteSettingsInput = z.input<typeof siteSettingsSchema>;
export type SiteSettingsValues = z.output<typeof siteSettingsSchema>;
/** The two lists of links the form edits with the same fields. */
export type LinkListName = 'communityLinks' | 'supportResources';
