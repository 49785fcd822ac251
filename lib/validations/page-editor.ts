/** The static page editor (/admin/pages), shared by the browser (zodResolver) and the server. */
import { z } from 'zod';

export const PAGE_BODY_MAX_BYTES = 200 * 1024;

/** Pages live at /<slug>, so a slug must never shadow one of the app's own routes or files. */
export const RESERVED_PAGE_SLUGS = [
  'admin',
  'api',
  'posts',
  'category',
  'tag',
  'author',
  'archive',
  'page',
  'search',
  'signin',
  'account',
  'welcome',
  'notifications',
  'subscription',
  'media',
  'feed.xml',
  'atom.xml',
  'feed.json',
  'sitemap.xml',
  'robots.txt',
];

/** UTF-8 size without TextEncoder, which some test environments lack. */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Says exactly what is wrong with a slug, so a volunteer can fix it without guessing. */
function slugProblem(slug: string): string | null {
  if (slug === '') return 'Give the page a web address (slug), like “about”.';
  if (RESERVED_PAGE_SLUGS.includes(slug)) return `“/${slug}” is already used by the site itself. Choose another web address.`;
  if (/\s/.test(slug)) return 'A web address cannot contain spaces: use hyphens instead, like “medical-disclaimer”.';
  if (/[A-Z]/.test(slug)) return 'Use lowercase letters only in the web address.';
  if (/[^a-z0-9-]/.test(slug)) return 'Use only lowercase letters, digits and hyphens in the web address (no other characters).';
  if (/^-|-$|--/.test(slug)) return 'Hyphens go between words: not at the start or end, and not two in a row.';
  return null;
}

export const pageEditorSchema = z.object({
  /** Empty for a new page. */
  id: z.string().regex(/^\d*$/, 'That page was not found.'),
  title: z.string().trim().min(1, 'Give the page a title.').max(200, 'Keep the title under 200 characters.'),
  slug: z
    .string()
    .trim()
    .max(80, 'Keep the web address under 80 characters.')
    .superRefine((slug, ctx) => {
      const problem = slugProblem(slug);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  body: z
    .string()
    .refine((body) => body.trim().length > 0, 'Write the page before saving it.')
    .refine((body) => utf8Bytes(body) <= PAGE_BODY_MAX_BYTES, 'The page is longer than 200 KB. Split it into two pages.'),
  /** Position in the footer's list of pages; empty keeps the page out of it. */
  navOrder: z
    .string()
    .trim()
    .regex(/^\d{0,3}$/, 'Enter a whole number from 1 to 999, or leave it empty to keep the page out of the footer.')
    .transform((value) => (value === '' ? null : Number(value)))
    .refine((value) => value === null || value >= 1, 'Enter a whole number from 1 to 999, or leave it empty to keep the page out of the footer.'),
});
export type PageEditorInput = z.input<typeof pageEditorSchema>;
export type PageEditorValues = z.output<typeof pageEditorSchema>;

/** Deleting, unpublishing, discarding changes: the page's id from the form's hidden field (an unknown id is answered as a page that no longer exists). */
export const pageIdSchema = z.object({ id: z.coerce.number().catch(Number.NaN) });

/** Restore: which page, and which of its earlier versions (an id that is not a number finds none). */
export const pageRevisionSchema = pageIdSchema.extend({ revisionId: z.coerce.number().int().positive().catch(0) });
