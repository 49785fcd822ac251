/** The category and tag forms at /admin/categories and /admin/tags, shared by the browser and the server. */
import { z } from 'zod';
import { slugify } from '@/db/slug';

/** Says exactly what is wrong with a category or tag slug (empty is filled from the name before this runs). */
function slugProblem(slug: string): string | null {
  if (slug === '') return 'Give it a web address using letters or digits, like “living-well”.';
  if (/[A-Z]/.test(slug)) return 'Use lowercase letters only in the web address.';
  if (/[^a-z0-9-]/.test(slug)) return 'Use only lowercase letters, digits and hyphens in the web address (no spaces or other characters).';
  if (/^-|-$|--/.test(slug)) return 'Hyphens go between words: not at the start or end, and not two in a row.';
  return null;
}

const id = z.coerce.number().int().positive().catch(0);
const name = z.string().trim().min(1, 'Give it a name.').max(80, 'Keep the name under 80 characters.');
/** Empty means "made from the name". */
const slug = z.string().trim().max(80, 'Keep the web address under 80 characters.');

/** Fills an empty slug from the name, then checks it. */
function withSlug<T extends { name: string; slug: string }>(values: T, ctx: z.RefinementCtx): T {
  const filled = values.slug === '' ? slugify(values.name) : values.slug;
  const problem = slugProblem(filled);
  if (problem) ctx.addIssue({ code: 'custom', path: ['slug'], message: problem });
  return { ...values, slug: filled };
}

export const categorySchema = z
  .object({
    /** Empty for a new category. */
    id: z.string().regex(/^\d*$/, 'That category was not found.'),
    name,
    slug,
    description: z.string().trim().max(500, 'Keep the description under 500 characters.'),
  })
  .transform(withSlug);
export type CategoryInput = z.input<typeof categorySchema>;
export type CategoryValues = z.output<typeof categorySchema>;

export const categoryMoveSchema = z.object({ id, direction: z.enum(['up', 'down'], { error: 'Choose up or down.' }) });

export const categoryDeleteSchema = z.object({
  id,
  /** Where the posts go; empty when the category has none. */
  targetId: z
    .string()
    .regex(/^\d*$/, 'Choose a category from the list.')
    .transform((value) => (value === '' ? null : Number(value))),
});

export const tagRenameSchema = z.object({ id, name, slug }).transform(withSlug);
export type TagRenameInput = z.input<typeof tagRenameSchema>;

export const tagMergeSchema = z.object({ id, intoId: z.coerce.number().int().positive({ error: 'Choose the tag to merge into.' }).catch(0) });
export type TagMergeInput = z.input<typeof tagMergeSchema>;

export const tagDeleteSchema = z.object({ id });
